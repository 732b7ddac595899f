import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { contactPolicy } from "./contactPolicy.js";

const contacts = (id: string, n: number, dealAt: readonly number[] = []) =>
  Array.from({ length: n }, (_, j) => ({ prospectId: id, deal: dealAt.includes(j) }));

describe("contactPolicy", () => {
  it("parks a prospect after 12 contacts without a deal, not after 11", () => {
    const history = Object.freeze([...contacts("a", 12), ...contacts("b", 11)]);
    const result = contactPolicy(history);
    expect(result.prospects.map((p) => [p.prospectId, p.status, p.remainingContacts])).toEqual([
      ["a", "parked", 0],
      ["b", "active", 1],
    ]);
    expect(result.parked).toEqual(["a"]);
  });

  it("counts contacts since the last deal; a deal resets the count", () => {
    // c: deal at contact 4 (index 3), then 8 more contacts -> 8 without a deal, won
    // d: deal at index 0, then 12 more -> parked again
    const result = contactPolicy([...contacts("c", 12, [3]), ...contacts("d", 13, [0])]);
    expect(result.prospects[0]).toMatchObject({
      contacts: 12,
      deals: 1,
      contactsWithoutDeal: 8,
      status: "won",
    });
    expect(result.prospects[1]).toMatchObject({
      contacts: 13,
      deals: 1,
      contactsWithoutDeal: 12,
      status: "parked",
    });
    expect(result.counts).toEqual({ active: 0, parked: 1, won: 1 });
  });

  it("honours maxContacts and orders by date when a date field is given", () => {
    const history = [
      { who: "x", closed: true, when: "2024-03-01" },
      { who: "x", closed: false, when: "2024-01-01" },
      { who: "x", closed: false, when: "2024-02-01" },
    ];
    // by date: no, no, deal -> 0 without a deal
    const byDate = contactPolicy(history, { maxContacts: 2, prospect: "who", deal: "closed", date: "when" });
    expect(byDate.prospects[0]).toMatchObject({
      contactsWithoutDeal: 0,
      status: "won",
      lastContact: "2024-03-01",
    });
    // input order: deal, no, no -> 2 without a deal -> parked at maxContacts 2
    const byInput = contactPolicy(history, { maxContacts: 2, prospect: "who", deal: "closed" });
    expect(byInput.prospects[0]).toMatchObject({
      contactsWithoutDeal: 2,
      status: "parked",
      lastContact: null,
    });
  });

  it("refuses bad input", () => {
    expect(() => contactPolicy([{ prospectId: "a", deal: "yes" }])).toThrowError(InvalidRecordError);
    expect(() => contactPolicy([{ prospectId: "a", deal: "yes" }])).toThrowError(/row 0, field "deal"/);
    expect(() => contactPolicy([{ prospectId: null, deal: true }])).toThrowError(/field "prospectId"/);
    expect(() => contactPolicy([], { maxContacts: 0 })).toThrowError(InvalidOptionsError);
    expect(() => contactPolicy([], { maxContacts: 2.5 })).toThrowError(/maxContacts/);
    expect(contactPolicy([]).prospects).toEqual([]);
  });
});

describe("contactPolicy input checks", () => {
  it("refuses a null or number contact with an InvalidRecordError naming the row", () => {
    for (const bad of [null, undefined, 3, "p1"]) {
      try {
        contactPolicy([...contacts("a", 2), bad] as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(2);
      }
    }
  });

  it("names a misspelt option with the nearest valid name", () => {
    expect(() => contactPolicy(contacts("a", 2), { maxContact: 3 } as never)).toThrowError(
      /maxContact: unknown option "maxContact"; did you mean "maxContacts"\?/,
    );
  });
});
