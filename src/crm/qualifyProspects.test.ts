import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { manCaseProspects } from "../../fixtures/crm/man-prospects.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { prospectQualificationPresets } from "./prospectQualificationPresets.js";
import { type ProspectRecord, qualifyProspects } from "./qualifyProspects.js";

const freezeAll = <T extends object>(rows: readonly T[]): readonly T[] =>
  Object.freeze(rows.map((row) => Object.freeze({ ...row })));

const byId = (result: ReturnType<typeof qualifyProspects>, id: string | number) => {
  const found = result.prospects.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no prospect ${id}`);
  return found;
};

describe("qualifyProspects on the worked life-insurance case (examples/man/README.md, case 1)", () => {
  const prospects = freezeAll(manCaseProspects);
  const result = qualifyProspects(prospects, { preset: "lifeInsurance" });

  it("ranks the qualified prospects 1, 6, 3, 8 as the source does", () => {
    expect(result.ranking).toEqual([1, 6, 3, 8]);
    expect([1, 6, 3, 8].map((id) => byId(result, id).rank)).toEqual([1, 2, 3, 4]);
  });

  it("gives the other four the source's verdicts: 2 drop, 4 nurture, 5 defer, 7 nurture", () => {
    expect(byId(result, 2).verdict).toBe("drop");
    expect(byId(result, 4).verdict).toBe("nurture");
    expect(byId(result, 5).verdict).toBe("defer");
    expect(byId(result, 7).verdict).toBe("nurture");
    expect(result.counts).toEqual({ qualified: 4, nurture: 2, defer: 1, drop: 1, mismatch: 0 });
  });

  it("computes the sub-scores by the documented rules (hand-checked)", () => {
    // money = (income - 10 000) / (40 000 - 10 000), clamped, x 0.8 when unstable
    // #1: 40 000 -> 1; #3: 20 000 -> 1/3 x 0.8 = 0.266667; #6: 30 000 -> 2/3; #8: 19 000 -> 0.3
    expect(byId(result, 1).money).toBeCloseTo(1, 12);
    expect(byId(result, 3).money).toBeCloseTo(0.8 / 3, 12);
    expect(byId(result, 6).money).toBeCloseTo(2 / 3, 12);
    expect(byId(result, 8).money).toBeCloseTo(0.3, 12);
    // need = 1 - 0.5^dependants x (1 - 0.5 per "expecting a child")
    // #1: 1 - 0.5 = 0.5; #3: 1 - 0.5 x 0.5 = 0.75; #6: 1 - 0.5^3 = 0.875; #8: 1 - 0.5^5 = 0.96875
    expect(byId(result, 1).need).toBeCloseTo(0.5, 12);
    expect(byId(result, 3).need).toBeCloseTo(0.75, 12);
    expect(byId(result, 6).need).toBeCloseTo(0.875, 12);
    expect(byId(result, 8).need).toBeCloseTo(0.96875, 12);
    // score = (2 money + authority + need) / 4 x underwriting factor
    // #1: (2 + 1 + 0.5) / 4 = 0.875; #6: (4/3 + 0.6 + 0.875) / 4 = 0.7020833
    // #3: (0.5333 + 1 + 0.75) / 4 = 0.5708333; #8: (0.6 + 1 + 0.96875) / 4 x 0.8 = 0.51375
    expect(byId(result, 1).score).toBeCloseTo(0.875, 12);
    expect(byId(result, 6).score).toBeCloseTo((4 / 3 + 0.6 + 0.875) / 4, 12);
    expect(byId(result, 3).score).toBeCloseTo((1.6 / 3 + 1 + 0.75) / 4, 12);
    expect(byId(result, 8).score).toBeCloseTo(0.51375, 12);
  });

  it("explains each verdict in words", () => {
    expect(byId(result, 2).reason).toMatch(/^drop: underwriting risk \(poor health\).*cannot pay/);
    expect(byId(result, 4).reason).toMatch(/^nurture: .*create the need/);
    expect(byId(result, 5).reason).toMatch(/^defer: cannot pay .* does not decide .*come back/);
    expect(byId(result, 1).reason).toMatch(/^qualified \(rank 1\): /);
    expect(byId(result, 8).reason).toContain("fair health loads the score by 0.80");
  });
});

describe("qualifyProspects rules are general, not tied to the case", () => {
  const base = manCaseProspects;
  const replace = (id: number, change: Partial<ProspectRecord>) =>
    base.map((p) => (p.id === id ? { ...p, ...change } : p));

  it("prospect 1 without dependants loses the need and is nurtured", () => {
    const result = qualifyProspects(replace(1, { dependants: 0 }), { preset: "lifeInsurance" });
    expect(byId(result, 1).verdict).toBe("nurture");
    expect(byId(result, 1).need).toBe(0);
    expect(result.ranking).toEqual([6, 3, 8]);
  });

  it("prospect 4 with a new child becomes qualified; ties keep input order", () => {
    // #4: money 1, authority 1, need 0.5 -> (2 + 1 + 0.5) / 4 = 0.875, equal to #1, which comes first
    const result = qualifyProspects(replace(4, { lifeEvents: ["new child"] }), { preset: "lifeInsurance" });
    expect(result.ranking).toEqual([1, 4, 6, 3, 8]);
  });

  it("prospect 8 in good health climbs above prospect 3", () => {
    // #8 unloaded: (0.6 + 1 + 0.96875) / 4 = 0.6421875 > #3 0.5708333
    const result = qualifyProspects(replace(8, { health: "good" }), { preset: "lifeInsurance" });
    expect(result.ranking).toEqual([1, 6, 8, 3]);
  });

  it("prospect 2 in good health is deferred for money, not dropped", () => {
    const result = qualifyProspects(replace(2, { health: "good" }), { preset: "lifeInsurance" });
    expect(byId(result, 2).verdict).toBe("defer");
    expect(byId(result, 2).reason).toMatch(/cannot pay \(money 0\.17 below 0\.25\)/);
  });

  it("the car salesman with a stable job scores higher money (20 000 -> 1/3)", () => {
    const result = qualifyProspects(replace(3, { incomeStability: "stable" }), { preset: "lifeInsurance" });
    expect(byId(result, 3).money).toBeCloseTo(1 / 3, 12);
  });

  it("thresholds and weights can be overridden", () => {
    // need threshold 0.6 fails #1 (need 0.5) -> nurture
    const strict = qualifyProspects(base, { preset: "lifeInsurance", need: { threshold: 0.6 } });
    expect(byId(strict, 1).verdict).toBe("nurture");
    // equal weights: #6 (2/3 + 0.6 + 0.875) / 3 = 0.7139 > #3 (0.2667 + 1 + 0.75) / 3 = 0.6722
    // #8 (0.3 + 1 + 0.96875) / 3 x 0.8 = 0.605; #1 (1 + 1 + 0.5) / 3 = 0.8333
    const equal = qualifyProspects(base, { preset: "lifeInsurance", weights: { money: 1 } });
    expect(equal.ranking).toEqual([1, 6, 3, 8]);
    expect(byId(equal, 6).score).toBeCloseTo((2 / 3 + 0.6 + 0.875) / 3, 12);
  });

  it("custom vetoes impose their verdict and reason", () => {
    const result = qualifyProspects(base, {
      preset: "lifeInsurance",
      vetoes: [{ verdict: "defer", test: (p) => (p.id === 6 ? "already insured until next year" : null) }],
    });
    expect(byId(result, 6).verdict).toBe("defer");
    expect(byId(result, 6).reason).toMatch(/^defer: already insured until next year/);
    expect(result.ranking).toEqual([1, 3, 8]);
  });
});

describe("the life-insurance calibration is a band fixed by the source, not a per-prospect fit", () => {
  // The source only says yes / no / "tight but stable" for money, so the thresholds are ours.
  // Its facts pin each one down to a band (sub-scores worked out by hand above):
  // - money: #2 (15 000 stable -> 5 000 / 30 000 = 1/6) cannot pay; #3 (20 000 unstable ->
  //   0.8 x 1/3 = 4/15 = 0.2667) and #8 (19 000 stable -> 0.3) can: any threshold in (1/6, 4/15];
  // - authority: #6 shares the decision (0.6) and counts, #5 decides nothing (0): (0, 0.6];
  // - need: #1 (one dependant, 0.5) needs it, #4 and #7 (no dependants, 0) do not: (0, 0.5].
  // The ranking score does not involve the thresholds, so it must stay 1, 6, 3, 8 everywhere.
  const prospects = freezeAll(manCaseProspects);
  // the source's verdicts (examples/man/README.md, case 1)
  const verdicts = {
    1: "qualified",
    2: "drop",
    3: "qualified",
    4: "nurture",
    5: "defer",
    6: "qualified",
    7: "nurture",
    8: "qualified",
  } as const;

  it("any thresholds inside the bands reproduce the eight verdicts and the ranking", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.167, max: 0.2666, noNaN: true }),
        fc.double({ min: 0.001, max: 0.6, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (money, authority, need) => {
          const result = qualifyProspects(prospects, {
            preset: "lifeInsurance",
            money: { threshold: money },
            authority: { threshold: authority },
            need: { threshold: need },
          });
          expect(Object.fromEntries(result.prospects.map((p) => [p.id, p.verdict]))).toEqual(verdicts);
          expect(result.ranking).toEqual([1, 6, 3, 8]);
          // #2 in good health is judged on money alone: 1/6 is below every threshold of the band
          const healthy = qualifyProspects(
            prospects.map((p) => (p.id === 2 ? { ...p, health: "good" } : p)),
            { preset: "lifeInsurance", money: { threshold: money } },
          );
          expect(byId(healthy, 2).verdict).toBe("defer");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the money rule is one income line for everyone: stable passes from 17 500, unstable from 19 375", () => {
    // money = (income - 10 000) / 30 000 x stability >= 0.25
    // stable: income >= 10 000 + 0.25 x 30 000 = 17 500; unstable: >= 10 000 + 0.25 / 0.8 x 30 000 = 19 375.
    // So #3 clears the line by 625 (20 000) and #8 by 1 500 (19 000): narrow, and documented as such.
    const moneyOf = (income: number, incomeStability: "stable" | "unstable") =>
      qualifyProspects([{ id: "x", income, incomeStability, authority: "full", dependants: 2 }], {
        preset: "lifeInsurance",
      }).prospects[0];
    expect(moneyOf(17_500, "stable")?.verdict).toBe("qualified");
    expect(moneyOf(17_499, "stable")?.verdict).toBe("defer");
    expect(moneyOf(19_375, "unstable")?.verdict).toBe("qualified");
    expect(moneyOf(19_374, "unstable")?.verdict).toBe("defer");
    expect(moneyOf(19_374, "unstable")?.reason).toMatch(/^defer: cannot pay/);
  });

  it("verdicts follow the facts, not the prospect number or the row order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...prospects], { minLength: 8, maxLength: 8 }), (shuffled) => {
        // rename every prospect so that no id of the case survives
        const renamed = shuffled.map((p) => ({ ...p, id: `prospect-${(p.id * 37) % 101}` }));
        const result = qualifyProspects(renamed, { preset: "lifeInsurance" });
        shuffled.forEach((p, row) => {
          expect(result.prospects[row]?.verdict).toBe(verdicts[p.id as keyof typeof verdicts]);
        });
        // no ties among the four qualified scores (0.875, 0.702, 0.571, 0.514), so order is irrelevant
        expect(result.ranking).toEqual([1, 6, 3, 8].map((id) => `prospect-${(id * 37) % 101}`));
      }),
      { numRuns: 50 },
    );
  });
});

describe("qualifyProspects generic preset and product fit", () => {
  const prospects: readonly ProspectRecord[] = freezeAll([
    { id: "acme", income: "high", authority: "full", needStrength: "strong", requirements: ["cloud", "sso"] },
    {
      id: "bolt",
      income: 0.7,
      authority: "shared",
      needStrength: 0.9,
      requirements: ["cloud", "on-premise"],
    },
    { id: "core", income: "tight", authority: "full", needStrength: "strong" },
    { id: "dyne", income: 0.9, authority: 0.2, needStrength: "strong" },
  ]);

  it("reads money and need as scores or words, and flags a product that does not fit", () => {
    const result = qualifyProspects(prospects, { offering: ["cloud", "SSO", "api"] });
    expect(result.prospects.map((p) => p.verdict)).toEqual(["qualified", "mismatch", "defer", "defer"]);
    expect(byId(result, "bolt").reason).toContain('does not cover "on-premise" (fit 0.50 below 1.00)');
    // acme: money 1, authority 1, need 0.8 -> score (1 + 1 + 0.8) / 3
    expect(byId(result, "acme").score).toBeCloseTo(2.8 / 3, 12);
  });

  it("minFit 0.5 accepts a half fit", () => {
    const result = qualifyProspects(prospects, { offering: ["cloud"], minFit: 0.5 });
    // bolt: money 0.7, authority 0.6, need 0.9 -> qualified
    expect(byId(result, "bolt").verdict).toBe("qualified");
    expect(result.ranking).toEqual(["acme", "bolt"]);
  });

  it("accepts accessors for your own record type", () => {
    interface Lead {
      readonly name: string;
      readonly budget: number;
      readonly role: string;
    }
    const leads: readonly Lead[] = [
      { name: "x", budget: 50_000, role: "owner" },
      { name: "y", budget: 5_000, role: "intern" },
    ];
    const result = qualifyProspects(leads, {
      fields: {
        id: "name",
        income: "budget",
        authority: (lead) => (lead.role === "owner" ? "full" : "none"),
        needStrength: () => "moderate",
      },
      money: { minIncome: 0, fullIncome: 40_000 },
    });
    expect(result.prospects.map((p) => p.verdict)).toEqual(["qualified", "defer"]);
    // y: money 5 000 / 40 000 = 0.125
    expect(byId(result, "y").money).toBeCloseTo(0.125, 12);
  });
});

describe("qualifyProspects bad input", () => {
  it("defers a prospect with unknown income or need, naming what to find out", () => {
    const result = qualifyProspects(
      [
        { id: 1, authority: "full", dependants: 2 },
        { id: 2, income: 50_000, authority: "full" },
      ],
      {
        preset: "lifeInsurance",
      },
    );
    expect(result.prospects.map((p) => p.verdict)).toEqual(["defer", "defer"]);
    expect(result.prospects[0]?.reason).toMatch(/^defer: income not known/);
    expect(result.prospects[1]?.reason).toMatch(/^defer: need not known/);
    expect(result.prospects[0]?.money).toBeNull();
    expect(result.prospects[0]?.score).toBeNull();
  });

  it("throws naming row and field under missing: 'error'", () => {
    expect(() =>
      qualifyProspects(
        [
          { id: 1, income: 1, authority: "full", dependants: 0 },
          { id: 2, authority: "full" },
        ],
        {
          missing: "error",
        },
      ),
    ).toThrowError(/row 1, field "income"/);
  });

  it("refuses wrong values with InvalidRecordError", () => {
    const bad = (record: Record<string, unknown>) => () =>
      qualifyProspects([record as unknown as ProspectRecord], { preset: "lifeInsurance" });
    expect(bad({ id: 1, income: -5, authority: "full", dependants: 0 })).toThrowError(InvalidRecordError);
    expect(bad({ id: 1, income: "rich", authority: "full", dependants: 0 })).toThrowError(/field "income"/);
    expect(bad({ id: 1, income: 5, authority: "boss", dependants: 0 })).toThrowError(/field "authority"/);
    expect(bad({ id: 1, income: 5, authority: "full", dependants: 1.5 })).toThrowError(/field "dependants"/);
    expect(bad({ id: 1, income: 5, authority: "full", dependants: 0, incomeStability: "meh" })).toThrowError(
      /field "incomeStability"/,
    );
  });

  it("the error carries the row, the field and the offending value", () => {
    const rows = Object.freeze([
      Object.freeze({ id: 1, income: 30_000, authority: "full", dependants: 0 }),
      Object.freeze({ id: 2, income: "rich", authority: "full", dependants: 0 }),
    ]);
    let caught: unknown;
    try {
      qualifyProspects(rows, { preset: "lifeInsurance" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRecordError);
    expect(caught).toMatchObject({ row: 1, field: "income", value: "rich" });
    expect((caught as Error).message).toMatch(/row 1, field "income".*rich/);
  });

  it("refuses invalid options with InvalidOptionsError listing each issue", () => {
    expect(() => qualifyProspects([], { money: { threshold: 2 } })).toThrowError(InvalidOptionsError);
    expect(() => qualifyProspects([], { money: { minIncome: 5, fullIncome: 5 } })).toThrowError(
      /money.fullIncome/,
    );
    expect(() => qualifyProspects([], { preset: "cars" as never })).toThrowError(/preset/);
    expect(() => qualifyProspects([], { fields: { incom: "x" } as never })).toThrowError(InvalidOptionsError);
  });

  it("presets are frozen all the way down, so a caller cannot change them for everyone", () => {
    const rules = qualifyProspects([], { preset: "lifeInsurance" }).rules;
    expect(() => (rules.underwriting.veto as string[]).push("fair")).toThrowError(TypeError);
    expect(Object.isFrozen(prospectQualificationPresets.lifeInsurance.money.levels)).toBe(true);
    expect(prospectQualificationPresets.lifeInsurance.underwriting.veto).toEqual(["poor"]);
  });

  it("returns an empty result for no prospects", () => {
    const result = qualifyProspects([], { preset: "lifeInsurance" });
    expect(result.prospects).toEqual([]);
    expect(result.ranking).toEqual([]);
  });

  it("unrecognised life events are ignored and reported", () => {
    const result = qualifyProspects(
      [{ id: 1, income: 40_000, authority: "full", lifeEvents: ["lottery win"] }],
      {
        preset: "lifeInsurance",
      },
    );
    expect(result.prospects[0]?.need).toBe(0);
    expect(result.prospects[0]?.reason).toContain('life event "lottery win" not recognised');
  });
});

describe("qualifyProspects properties", () => {
  const prospect = fc.record({
    id: fc.integer(),
    income: fc.integer({ min: 0, max: 200_000 }),
    authority: fc.constantFrom("full", "shared", "none"),
    dependants: fc.integer({ min: 0, max: 8 }),
    health: fc.constantFrom("good", "fair", "poor"),
  });

  it("sub-scores stay in [0, 1] and more dependants never lower need", () => {
    fc.assert(
      fc.property(fc.array(prospect, { maxLength: 20 }), (rows) => {
        const result = qualifyProspects(rows, { preset: "lifeInsurance" });
        const more = qualifyProspects(
          rows.map((r) => ({ ...r, dependants: r.dependants + 1 })),
          { preset: "lifeInsurance" },
        );
        result.prospects.forEach((p, i) => {
          for (const s of [p.money, p.authority, p.need, p.score]) {
            expect(s).not.toBeNull();
            expect(s as number).toBeGreaterThanOrEqual(0);
            expect(s as number).toBeLessThanOrEqual(1);
          }
          expect(more.prospects[i]?.need as number).toBeGreaterThanOrEqual(p.need as number);
        });
        expect(result.ranking.length).toBe(result.counts.qualified);
      }),
      { numRuns: 50 },
    );
  });
});

describe("qualifyProspects option checks", () => {
  // the generic preset reads income as a score in [0, 1] (an amount such as 50 000 is an error, see
  // "the generic preset refuses an amount where it expects a score")
  const prospects = [{ id: "A", income: 0.8, authority: "full", dependants: 1 }];
  const issuesOf = (options: unknown) =>
    optionsError(() => qualifyProspects(prospects, options as never)).issues.map(
      (issue) => `${issue.path}: ${issue.message}`,
    );
  it("treats null options as none instead of crashing", () => {
    expect(qualifyProspects(prospects, null as never).prospects).toHaveLength(1);
  });
  it("refuses an unknown key inside a veto and names misspelt options with a hint", () => {
    const veto = { verdict: "drop" as const, test: () => false, reson: "typo" };
    expect(() => qualifyProspects(prospects, { vetoes: [veto] } as never)).toThrowError(
      /vetoes\.0\.reson: unknown option "reson"/,
    );
    expect(() => qualifyProspects(prospects, { minFitt: 0.5 } as never)).toThrowError(
      /did you mean "minFit"\?/,
    );
  });
  it("names the offending entry of a word map, a limit and an offering, with what it accepts", () => {
    expect(issuesOf({ authority: { levels: { full: "1" } } })).toEqual([
      'authority.levels.full: expected a score in [0, 1] (received "1")',
    ]);
    expect(issuesOf({ money: { threshold: "x", maxInstalmentShare: 0 } })).toEqual([
      'money.threshold: expected a number in [0, 1] (received "x")',
      "money.maxInstalmentShare: must be in (0, 1] (received 0)",
    ]);
    expect(issuesOf({ fit: { limits: { bedrooms: { mn: 1 }, garden: { foo: 1 } } } })).toEqual([
      'fit.limits.bedrooms.mn: unknown option "mn"; did you mean "min"?',
      'fit.limits.garden.foo: unknown option "foo" (valid: min, max)',
    ]);
    expect(issuesOf({ fit: { limits: { bedrooms: { min: "a" } } } })).toEqual([
      'fit.limits.bedrooms.min: expected a finite number (received "a")',
    ]);
    // the offering's own issue, not only "expected an array or an object or null"
    expect(issuesOf({ offering: { price: 1, provides: { garden: "yes" } } })).toEqual([
      'offering.provides.garden: expected true or false or a finite number (received "yes")',
    ]);
    expect(issuesOf({ offering: [1] })).toEqual([
      "offering: expected an array of feature names, an offering object or null (received [1])",
    ]);
  });
  it("names what a veto must be and each bad part of it", () => {
    expect(issuesOf({ vetoes: ["age > 70", { verdict: "reject", test: 1 }], missing: "skip" })).toEqual([
      'vetoes.0: expected an object { verdict, test }, received a string (received "age > 70")',
      'vetoes.1.verdict: Invalid option: expected one of "drop"|"defer"|"mismatch" (received "reject")',
      "vetoes.1.test: expected a function returning a reason or a falsy value (received 1)",
      'missing: Invalid option: expected one of "defer"|"error" (received "skip")',
    ]);
    expect(issuesOf({ underwriting: { veto: ["smoker", 3] } })).toEqual([
      "underwriting.veto.1: expected a string, received a number (received 3)",
    ]);
    expect(issuesOf({ offering: { price: 1, name: 2 } })).toEqual([
      "offering.name: expected a string, received a number (received 2)",
    ]);
  });
});

describe("qualifyProspects weights", () => {
  it("scores with huge weights as with their ratios, not NaN from an overflowing total", () => {
    const prospects = manCaseProspects;
    const unit = qualifyProspects(prospects, {
      preset: "lifeInsurance",
      weights: { money: 1, authority: 1, need: 1 },
    });
    const huge = qualifyProspects(prospects, {
      preset: "lifeInsurance",
      weights: { money: 1e308, authority: 1e308, need: 1e308 },
    });
    const scored = unit.prospects.filter((p) => p.score !== null);
    expect(scored.length).toBeGreaterThan(0);
    huge.prospects.forEach((p, i) => {
      const reference = unit.prospects[i]?.score;
      if (reference === null || reference === undefined) expect(p.score).toBeNull();
      else expect(p.score).toBeCloseTo(reference, 12);
    });
  });
});
