import { describe, expectTypeOf, it } from "vitest";
import { complaintSummary } from "./complaintSummary.js";
import { type ProspectVerdict, qualifyProspects } from "./qualifyProspects.js";

describe("crm types", () => {
  it("qualifyProspects infers the record type for fields and vetoes", () => {
    const leads = [{ name: "x", budget: 5, role: "owner" }] as const;
    const result = qualifyProspects(leads, {
      fields: {
        id: "name",
        income: "budget",
        authority: (lead) => (lead.role === "owner" ? "full" : "none"),
      },
      vetoes: [{ verdict: "drop", test: (lead) => lead.budget < 0 && "negative budget" }],
    });
    expectTypeOf(result.prospects[0]!.verdict).toEqualTypeOf<ProspectVerdict>();
    expectTypeOf(result.prospects[0]!.money).toEqualTypeOf<number | null>();
    // @ts-expect-error: not a key of the record
    qualifyProspects(leads, { fields: { id: "nom" } });
  });

  it("complaintSummary rates are number | null", () => {
    const summary = complaintSummary([{ category: "x", openedAt: "2024-01-01" }]);
    expectTypeOf(summary.firstContactResolution.value).toEqualTypeOf<number | null>();
  });
});
