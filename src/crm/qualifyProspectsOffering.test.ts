import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { manCaseProspects } from "../../fixtures/crm/man-prospects.js";
import {
  realEstateHouse,
  realEstateHouseholds,
  realEstateMarket,
} from "../../fixtures/crm/man-real-estate.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import type { Offering } from "./offering.js";
import { offeringPayments } from "./offeringPayments.js";
import { prospectQualificationPresets } from "./prospectQualificationPresets.js";
import { type ProspectRecord, type QualifyProspectsResult, qualifyProspects } from "./qualifyProspects.js";

const freezeAll = <T extends object>(rows: readonly T[]): readonly T[] =>
  Object.freeze(rows.map((row) => Object.freeze({ ...row })));

const byId = (result: QualifyProspectsResult, id: string | number) => {
  const found = result.prospects.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no prospect ${id}`);
  return found;
};

// Monthly annuity of the house's mortgage: L = 240 000 - 48 000 = 192 000, r = 0.045 / 12 = 0.00375,
// n = 300: 192 000 x 0.00375 / (1 - 1.00375^-300) = 1 067.1983576870 (Python: L*r/(1-(1+r)**-n)).
const HOUSE_INSTALMENT = 1067.1983576870311;

describe("offeringPayments", () => {
  it("amortises a loan as a monthly annuity (200 000 at 6 % over 30 years = 1 199.10, the textbook figure)", () => {
    const payments = offeringPayments({
      price: 250_000,
      deposit: 50_000,
      loan: { annualRate: 0.06, years: 30 },
    });
    expect(payments.monthlyInstalment).toBeCloseTo(1199.1010503055, 8);
    expect(payments).toMatchObject({ price: 250_000, upfront: 50_000, financed: 200_000, months: 360 });
    expect(payments.totalPaid).toBeCloseTo(50_000 + 360 * 1199.1010503055, 4);
  });

  it("reads a deposit share, a zero rate, a fixed instalment and a price paid in full", () => {
    expect(offeringPayments(realEstateHouse).monthlyInstalment).toBeCloseTo(HOUSE_INSTALMENT, 9);
    expect(offeringPayments(realEstateHouse).upfront).toBe(48_000);
    // 12 000 over one year without interest: 1 000 a month
    expect(offeringPayments({ price: 12_000, loan: { annualRate: 0, years: 1 } }).monthlyInstalment).toBe(
      1000,
    );
    expect(offeringPayments({ price: 1200, monthlyInstalment: 100 })).toEqual({
      price: 1200,
      upfront: 0,
      financed: 1200,
      monthlyInstalment: 100,
      months: null,
      totalPaid: null,
    });
    expect(offeringPayments({ price: 900 })).toMatchObject({ upfront: 900, monthlyInstalment: 0 });
  });

  it("refuses impossible offerings with InvalidOptionsError naming the option", () => {
    expect(() => offeringPayments({ price: 0 })).toThrowError(/offering\.price/);
    expect(() => offeringPayments({ price: 100, deposit: 200 })).toThrowError(
      /deposit must not exceed the price/,
    );
    expect(() =>
      offeringPayments({ price: 100, monthlyInstalment: 10, loan: { annualRate: 0.05, years: 2 } }),
    ).toThrowError(/loan or monthlyInstalment, not both/);
    expect(() => offeringPayments({ price: 100, prize: 5 } as never)).toThrowError(/did you mean "price"/);
  });
});

describe("qualifyProspects on the illustrative real-estate case (examples/man/README.md)", () => {
  const households = freezeAll(realEstateHouseholds);
  const options = {
    preset: "realEstate",
    offering: realEstateHouse,
    fit: { limits: realEstateMarket },
  } as const;
  const result = qualifyProspects(households, options);

  it("Okafor is the first choice: deposit covered 1.5 times, urgent need (a new job in town, four dependants)", () => {
    // savings 72 000 / 48 000 = 1.5; instalment cover 0.33 x 96 000 / 12 / 1 067.20 = 2.474 -> cover 1.5
    // money = min(1, 1.5 / 1.5) = 1; need = 1 - 0.75^4 x (1 - 0.6) = 0.8734375
    // score = (2 x 1 + 1 + 0.8734375) / 4 = 0.968359375
    const p = byId(result, "Okafor");
    expect([p.verdict, p.rank, p.choice, p.category]).toEqual(["qualified", 1, "first choice", null]);
    expect(p.affordability?.cover).toBeCloseTo(1.5, 12);
    expect(p.affordability?.instalmentShare).toBeCloseTo(HOUSE_INSTALMENT / 8000, 12);
    expect(p.need).toBeCloseTo(0.8734375, 12);
    expect(p.score).toBeCloseTo(0.968359375, 12);
  });

  it("Lee is the second choice: affordable, a child on the way, decides as a couple", () => {
    // cover = min(60 000 / 48 000, 0.33 x 6 500 / 1 067.20) = min(1.25, 2.0099) = 1.25 -> money 1.25 / 1.5
    // need = 1 - 0.75 x 0.5 = 0.625; score = (2 x 0.833333 + 0.6 + 0.625) / 4 = 0.7229166667
    const p = byId(result, "Lee");
    expect([p.verdict, p.rank, p.choice]).toEqual(["qualified", 2, "second choice"]);
    expect(p.money).toBeCloseTo(1.25 / 1.5, 12);
    expect(p.score).toBeCloseTo(0.7229166666666667, 12);
  });

  it("Novak is a backup: a flat income is an instalment risk that lowers the ranking, not a veto", () => {
    // cover = min(50 000 / 48 000, 0.33 x 5 500 / 1 067.20) = min(1.041667, 1.700715) = 1.041667
    // money = 1.041667 / 1.5 x 0.85 (flat) = 0.5902778; need = 1 - 0.75^3 = 0.578125
    // score = (2 x 0.5902778 + 0.6 + 0.578125) / 4 = 0.5896701
    const p = byId(result, "Novak");
    expect([p.verdict, p.rank, p.choice]).toEqual(["qualified", 3, "backup"]);
    expect(p.money).toBeCloseTo((50_000 / 48_000 / 1.5) * 0.85, 12);
    expect(p.score).toBeCloseTo(0.5896701388888889, 12);
    expect(p.reason).toContain("income flat: instalment risk");
  });

  it("Berg is a product mismatch: the house has no ground-floor bedroom", () => {
    const p = byId(result, "Berg");
    expect([p.verdict, p.category]).toEqual(["mismatch", "productMismatch"]);
    expect(p.reason).toContain('does not cover "groundFloorBedroom" (it has none) (fit 0.50 below 1.00)');
  });

  it("Silva is oversized: three bedrooms for a need of one, 240 000 against a 150 000 budget", () => {
    // 3 > 1 x 1.5 and 240 000 > 150 000 x 1.5 = 225 000
    const p = byId(result, "Silva");
    expect([p.verdict, p.category]).toEqual(["mismatch", "oversized"]);
    expect(p.reason).toMatch(/"bedrooms" 3 for a need of 1, price 240,000 for a budget of 150,000/);
  });

  it("Hansen asks what no home in the town has: seven bedrooms (the market's largest have six)", () => {
    const p = byId(result, "Hansen");
    expect([p.verdict, p.category]).toEqual(["drop", "requirementsTooHigh"]);
    expect(p.reason).toContain('"bedrooms" >= 7 (the most any offers is 6)');
  });

  it("Young cannot pay: savings cover a quarter of the deposit, the instalment 0.98 of the allowed share", () => {
    // savings 12 000 / 48 000 = 0.25; instalment cover 0.33 x 38 000 / 12 / 1 067.20 = 0.9792
    const p = byId(result, "Young");
    expect([p.verdict, p.category]).toEqual(["defer", "cannotPay"]);
    expect(p.affordability?.cover).toBeCloseTo(0.25, 12);
    expect(p.reason).toMatch(/savings 12,000 do not cover the 48,000 up front/);
    expect(p.reason).toMatch(
      /instalment of 1,067 would take 33\.7% of monthly income, above the 33\.0% allowed/,
    );
  });

  it("Weber can pay and decides but has no need (a couple, no life event: need 0.25 below 0.40)", () => {
    const p = byId(result, "Weber");
    expect([p.verdict, p.category]).toEqual(["nurture", "noNeed"]);
    expect(p.need).toBeCloseTo(0.25, 12);
  });

  it("ranks Okafor, Lee, Novak and counts the verdicts", () => {
    expect(result.ranking).toEqual(["Okafor", "Lee", "Novak"]);
    expect(result.counts).toEqual({ qualified: 3, nurture: 1, defer: 1, drop: 1, mismatch: 2 });
  });

  it("without the market limits, Hansen is a product mismatch instead (the house has no pool, 3 bedrooms)", () => {
    const open = qualifyProspects(households, { preset: "realEstate", offering: realEstateHouse });
    expect(byId(open, "Hansen").category).toBe("productMismatch");
  });
});

describe("qualifyProspects keeps the life-insurance case and labels its choices", () => {
  it("ranks 1, 6, 3, 8 as first choice, second choice, backup, backup", () => {
    const result = qualifyProspects(manCaseProspects, { preset: "lifeInsurance" });
    expect([1, 6, 3, 8].map((id) => byId(result, id).choice)).toEqual([
      "first choice",
      "second choice",
      "backup",
      "backup",
    ]);
    expect(byId(result, 1).reason).toMatch(/^qualified \(rank 1\): first choice, can pay/);
    expect([2, 4, 5, 7].map((id) => byId(result, id).category)).toEqual([
      "underwritingRisk",
      "noNeed",
      "cannotPay",
      "noNeed",
    ]);
    expect(byId(result, 5).choice).toBeNull();
  });
});

describe("incomes are amounts, never silently scores", () => {
  it("the generic preset refuses an amount where it expects a score", () => {
    // before: 15 000 on generic's [0, 1] line was clamped to money 1 and the prospect qualified
    const prospect = { id: "retired", income: 15_000, authority: "full", needStrength: "strong" };
    let caught: unknown;
    try {
      qualifyProspects([prospect]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRecordError);
    expect(caught).toMatchObject({ row: 0, field: "income", value: 15_000 });
    expect((caught as Error).message).toMatch(/looks like an amount.*score in \[0, 1\]/);
  });

  it("reads amounts once the income line or a priced offering is given", () => {
    const prospect = { id: "x", income: 15_000, savings: 2000, authority: "full", needStrength: "strong" };
    const line = qualifyProspects([prospect], { money: { minIncome: 10_000, fullIncome: 40_000 } });
    expect(line.prospects[0]?.money).toBeCloseTo(5000 / 30_000, 12);
    expect(line.rules.money.incomeScale).toBe("amount");
    const priced = qualifyProspects([prospect], { offering: { price: 1200, monthlyInstalment: 100 } });
    // cover = 0.3 (generic's share) x 1 250 / 100 = 3.75 -> money min(1, 3.75 / 1.5) = 1
    expect(priced.prospects[0]?.affordability?.cover).toBeCloseTo(3.75, 12);
    expect(priced.prospects[0]?.verdict).toBe("qualified");
  });

  it("a word income cannot be weighed against a price", () => {
    expect(() =>
      qualifyProspects([{ id: 1, income: "adequate", savings: 0, authority: "full", dependants: 1 }], {
        preset: "consumerDurable",
        offering: { price: 600, monthlyInstalment: 50 },
      }),
    ).toThrowError(/field "income".*words such as "adequate" need a number/);
  });

  it("savings are needed only when something is due up front, income only for an instalment", () => {
    const noSavings = { id: 1, income: 30_000, authority: "full", needStrength: "strong" };
    const instalments = qualifyProspects([noSavings], {
      preset: "consumerDurable",
      offering: { price: 600, monthlyInstalment: 50 },
    });
    expect(instalments.prospects[0]?.verdict).toBe("qualified");
    const cash = qualifyProspects([noSavings], { preset: "consumerDurable", offering: { price: 600 } });
    expect(cash.prospects[0]?.verdict).toBe("defer");
    expect(cash.prospects[0]?.category).toBe("unknown");
    expect(cash.prospects[0]?.reason).toMatch(/^defer: savings not known/);
  });

  it("an unstable income counts at unstableFactor against the instalment", () => {
    // realEstate: 0.33 x 0.8 x (60 000 / 12) / 1 067.20 = 1.2369 instead of 1.5462
    const base = { id: 1, income: 60_000, savings: 100_000, authority: "full", dependants: 2 } as const;
    const stable = qualifyProspects([base], { preset: "realEstate", offering: realEstateHouse });
    const unstable = qualifyProspects([{ ...base, incomeStability: "unstable" }], {
      preset: "realEstate",
      offering: realEstateHouse,
    });
    expect(stable.prospects[0]?.affordability?.cover).toBeCloseTo((0.33 * 5000) / HOUSE_INSTALMENT, 12);
    expect(unstable.prospects[0]?.affordability?.cover).toBeCloseTo(
      (0.33 * 0.8 * 5000) / HOUSE_INSTALMENT,
      12,
    );
  });

  it("a flat income never fails the money line on its own", () => {
    // exactly affordable (cover 1): money 1 / 1.5 x 0.85 = 0.567, still qualified
    const income = (HOUSE_INSTALMENT * 12) / 0.33;
    const flat = qualifyProspects(
      [{ id: 1, income, incomeTrend: "flat", savings: 48_000, authority: "full", dependants: 2 }],
      { preset: "realEstate", offering: realEstateHouse },
    ).prospects[0];
    expect(flat?.affordability?.cover).toBeCloseTo(1, 12);
    expect(flat?.verdict).toBe("qualified");
    expect(flat?.money).toBeCloseTo((1 / 1.5) * 0.85, 12);
  });
});

describe("qualifyProspects presets for other offerings", () => {
  it("b2bService: the signer matters (authority weight 2), a compliance deadline makes the need", () => {
    // fee 36 000 a year billed monthly (3 000); budgets are the buyers' annual budget for the line
    const service: Offering = {
      name: "managed security",
      price: 36_000,
      monthlyInstalment: 3000,
      provides: { seats: 200, soc: true },
    };
    const buyers = [
      {
        id: "cto",
        income: 120_000,
        authority: "full",
        lifeEvents: ["compliance deadline"],
        requirements: [{ feature: "seats", min: 150 }],
      },
      { id: "analyst", income: 120_000, authority: "none", lifeEvents: ["compliance deadline"] },
      { id: "startup", income: 40_000, authority: "full", lifeEvents: ["new funding"] },
      {
        id: "tiny",
        income: 500_000,
        authority: "full",
        needStrength: "strong",
        requirements: [{ feature: "seats", min: 20 }],
      },
    ];
    const result = qualifyProspects(buyers, { preset: "b2bService", offering: service });
    // cto: cover = 0.5 x 10 000 / 3 000 = 1.667 -> money 1; score (1 + 2 + 0.7) / 4 = 0.925
    expect(byId(result, "cto")).toMatchObject({ verdict: "qualified", choice: "first choice" });
    expect(byId(result, "cto").score).toBeCloseTo(0.925, 12);
    expect(byId(result, "analyst")).toMatchObject({ verdict: "defer", category: "noAuthority" });
    // startup: 0.5 x 3 333.33 / 3 000 = 0.556 < 1
    expect(byId(result, "startup")).toMatchObject({ verdict: "defer", category: "cannotPay" });
    // tiny: 200 seats for a need of 20 (more than 2 times)
    expect(byId(result, "tiny")).toMatchObject({ verdict: "mismatch", category: "oversized" });
  });

  it("consumerDurable: a broken appliance is urgent; a 10 % instalment share", () => {
    const washer: Offering = {
      name: "9 kg washer",
      price: 900,
      monthlyInstalment: 40,
      provides: { capacityKg: 9 },
    };
    const result = qualifyProspects(
      [
        { id: "family", income: 30_000, authority: "shared", dependants: 3, lifeEvents: ["appliance broke"] },
        {
          id: "single",
          income: 30_000,
          authority: "full",
          dependants: 0,
          requirements: [{ feature: "capacityKg", min: 5 }],
        },
        { id: "student", income: 4000, authority: "full", dependants: 0, lifeEvents: ["appliance broke"] },
      ],
      { preset: "consumerDurable", offering: washer },
    );
    // family: cover 0.1 x 2 500 / 40 = 6.25 -> money 1; need 1 - 0.9^3 x 0.2 = 0.8542
    expect(byId(result, "family")).toMatchObject({ verdict: "qualified", rank: 1 });
    expect(byId(result, "family").need).toBeCloseTo(1 - 0.9 ** 3 * 0.2, 12);
    expect(byId(result, "single").category).toBe("oversized");
    // student: 0.1 x 333.33 / 40 = 0.833 < 1
    expect(byId(result, "student").category).toBe("cannotPay");
  });

  it("every preset documents the same rule groups", () => {
    for (const rules of Object.values(prospectQualificationPresets)) {
      expect(Object.keys(rules).sort()).toEqual(
        ["authority", "fit", "minFit", "money", "need", "offering", "underwriting", "weights"].sort(),
      );
    }
  });
});

describe("qualifyProspects fit details", () => {
  const buyer = { id: 1, income: 120_000, savings: 100_000, authority: "full", dependants: 2 } as const;
  const judge = (extra: Partial<ProspectRecord>, options: Parameters<typeof qualifyProspects>[1] = {}) =>
    qualifyProspects([{ ...buyer, ...extra }], {
      preset: "realEstate",
      offering: realEstateHouse,
      ...options,
    }).prospects[0];

  it("a price ceiling below the price is an unmet must-have; one below every home's price is too high", () => {
    const ceiling = judge({ requirements: [{ feature: "price", max: 200_000 }] });
    expect(ceiling?.category).toBe("productMismatch");
    expect(ceiling?.reason).toContain('"price" <= 200,000 (it has 240,000)');
    const hopeless = judge(
      { requirements: [{ feature: "price", max: 100_000 }] },
      { fit: { limits: { price: { min: 150_000 } } } },
    );
    expect(hopeless?.category).toBe("requirementsTooHigh");
  });

  it("minFit below 1 accepts a partial fit; bounds are checked against numbers only", () => {
    const partial = judge({ requirements: ["garden", "garage"] }, { minFit: 0.5 });
    expect(partial?.verdict).toBe("qualified");
    const noNumber = judge({ requirements: [{ feature: "garden", min: 2 }] });
    expect(noNumber?.reason).toContain('"garden" >= 2 (not stated as a number)');
  });

  it("missing: 'error' asks for savings only when something is due up front", () => {
    const { savings: _dropped, ...noSavings } = buyer;
    expect(() =>
      qualifyProspects([noSavings], { preset: "realEstate", offering: realEstateHouse, missing: "error" }),
    ).toThrowError(/row 0, field "savings"/);
    const instalmentsOnly = qualifyProspects([noSavings], {
      preset: "realEstate",
      offering: { price: 240_000, loan: { annualRate: 0.045, years: 25 } },
      missing: "error",
    });
    expect(instalmentsOnly.prospects[0]?.affordability?.upfront).toBe(0);
  });

  it("incomeScale 'score' can be asked of any preset, and then refuses amounts", () => {
    expect(() =>
      qualifyProspects([{ id: 1, income: 2, authority: "full", dependants: 1 }], {
        preset: "lifeInsurance",
        money: { incomeScale: "score" },
      }),
    ).toThrowError(InvalidRecordError);
    // and reads scores on [0, 1], not on the preset's 10 000-40 000 amount line
    const scored = qualifyProspects([{ id: 1, income: 0.7, authority: "full", dependants: 1 }], {
      preset: "lifeInsurance",
      money: { incomeScale: "score" },
    });
    expect(scored.prospects[0]?.money).toBeCloseTo(0.7, 12);
  });
});

describe("qualifyProspects offering options", () => {
  it("refuses bad offering and fit options with InvalidOptionsError", () => {
    expect(() => qualifyProspects([], { offering: { price: -1 } })).toThrowError(InvalidOptionsError);
    expect(() => qualifyProspects([], { fit: { limits: { bedrooms: { min: 5, max: 2 } } } })).toThrowError(
      /fit\.limits\.bedrooms: min must not exceed max/,
    );
    expect(() => qualifyProspects([], { fit: { maxOversize: 0.5 } })).toThrowError(/fit\.maxOversize/);
    expect(() => qualifyProspects([], { money: { minCover: 2, fullCover: 1 } })).toThrowError(
      /money\.fullCover/,
    );
  });

  it("refuses malformed requirements and budgets naming row and field", () => {
    const bad = (record: Record<string, unknown>) => () =>
      qualifyProspects(
        [{ id: 1, income: 90_000, savings: 90_000, authority: "full", dependants: 2, ...record }],
        {
          preset: "realEstate",
          offering: realEstateHouse,
        },
      );
    expect(bad({ requirements: [{ feature: "bedrooms", least: 3 }] })).toThrowError(
      /row 0, field "requirements"/,
    );
    expect(bad({ budget: -5 })).toThrowError(/field "budget"/);
    expect(bad({ incomeTrend: "wobbly" })).toThrowError(/field "incomeTrend".*rising, flat, falling/);
  });
});

describe("qualifyProspects properties with a priced offering", () => {
  const household = fc.record({
    income: fc.integer({ min: 0, max: 250_000 }),
    savings: fc.integer({ min: 0, max: 150_000 }),
    incomeTrend: fc.constantFrom("rising", "flat", "falling"),
    incomeStability: fc.constantFrom("stable", "unstable"),
    authority: fc.constantFrom("full", "shared", "none"),
    dependants: fc.integer({ min: 0, max: 6 }),
    lifeEvents: fc.subarray(["expecting a child", "marriage", "lease ending", "new job in town"]),
    budget: fc.option(fc.integer({ min: 100_000, max: 400_000 }), { nil: undefined }),
    requirements: fc.subarray<
      ProspectRecord["requirements"] extends readonly (infer R)[] | null | undefined ? R : never
    >([
      "garden",
      "garage",
      "nearSchool",
      { feature: "bedrooms", min: 2 },
      { feature: "bedrooms", min: 4 },
      { feature: "sizeM2", min: 60 },
      { feature: "price", max: 250_000 },
    ]),
  });
  const households = fc.array(household, { minLength: 1, maxLength: 12 });
  const options = {
    preset: "realEstate",
    offering: realEstateHouse,
    fit: { limits: realEstateMarket },
  } as const;
  const order = { drop: 0, mismatch: 1, defer: 2, nurture: 3, qualified: 4 } as const;
  const withIds = <R extends object>(rows: readonly R[]) => rows.map((r, i) => ({ ...r, id: `h${i}` }));

  it("renaming or shuffling households changes no verdict, score or ranking", () => {
    const shuffled = households.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length },
        ),
        fc.string({ minLength: 1, maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([rows, permutation, prefix]) => {
        const named = withIds(rows);
        const base = qualifyProspects(named, options);
        // row j of the moved input is household permutation[j], under a new name
        const renamed = permutation.map((i) => ({ ...named[i], id: `${prefix}-${i * 7 + 3}` }));
        const moved = qualifyProspects(renamed, options);
        permutation.forEach((i, j) => {
          const before = base.prospects[i];
          const after = moved.prospects[j];
          expect(after?.verdict).toBe(before?.verdict);
          expect(after?.category).toBe(before?.category);
          expect(after?.score).toBe(before?.score);
          expect(after?.findings).toEqual(before?.findings);
        });
        // ties keep input order, so compare the ranking's scores
        const scores = (res: QualifyProspectsResult) => res.ranking.map((id) => byId(res, id).score);
        expect(scores(moved)).toEqual(scores(base));
      }),
      { numRuns: 60 },
    );
  });

  it("raising a household's income or savings never lowers its verdict or worsens its rank", () => {
    fc.assert(
      fc.property(
        households,
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }),
        fc.boolean(),
        (rows, pick, raise, raiseIncome) => {
          const named = withIds(rows);
          const k = pick % named.length;
          const raised = named.map((r, i) =>
            i !== k
              ? r
              : raiseIncome
                ? { ...r, income: r.income + raise }
                : { ...r, savings: r.savings + raise },
          );
          const before = qualifyProspects(named, options).prospects[k];
          const after = qualifyProspects(raised, options).prospects[k];
          expect(order[after?.verdict ?? "drop"]).toBeGreaterThanOrEqual(order[before?.verdict ?? "drop"]);
          if (before?.rank != null) expect(after?.rank as number).toBeLessThanOrEqual(before.rank);
          if (before?.money != null) expect(after?.money as number).toBeGreaterThanOrEqual(before.money);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("on the income line (no priced offering) too, a higher income never lowers a verdict", () => {
    const applicant = fc.record({
      income: fc.integer({ min: 0, max: 120_000 }),
      incomeStability: fc.constantFrom("stable", "unstable"),
      authority: fc.constantFrom("full", "shared", "none"),
      dependants: fc.integer({ min: 0, max: 6 }),
      health: fc.constantFrom("good", "fair", "poor"),
    });
    fc.assert(
      fc.property(
        fc.array(applicant, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.integer({ min: 1, max: 50_000 }),
        (rows, pick, raise) => {
          const named = withIds(rows);
          const k = pick % named.length;
          const raised = named.map((r, i) => (i === k ? { ...r, income: rows[k]!.income + raise } : r));
          const before = qualifyProspects(named, { preset: "lifeInsurance" }).prospects[k];
          const after = qualifyProspects(raised, { preset: "lifeInsurance" }).prospects[k];
          expect(order[after?.verdict ?? "drop"]).toBeGreaterThanOrEqual(order[before?.verdict ?? "drop"]);
          if (before?.rank != null) expect(after?.rank as number).toBeLessThanOrEqual(before.rank);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("adding a feature the offering lacked never turns a fit into a mismatch", () => {
    const added = fc.constantFrom<[string, number | boolean]>(
      ["garage", true],
      ["pool", true],
      ["groundFloorBedroom", true],
      ["cellar", true],
    );
    fc.assert(
      fc.property(households, added, fc.constantFrom(0.5, 0.75, 1), (rows, [feature, value], minFit) => {
        const named = withIds(rows);
        const richer: Offering = {
          ...realEstateHouse,
          provides: { ...realEstateHouse.provides, [feature]: value },
          lacks: (realEstateHouse.lacks ?? []).filter((f) => f !== feature),
        };
        const before = qualifyProspects(named, { ...options, minFit });
        const after = qualifyProspects(named, { ...options, minFit, offering: richer });
        before.prospects.forEach((p, i) => {
          if (p.verdict !== "mismatch") expect(after.prospects[i]?.verdict).not.toBe("mismatch");
          if (p.category !== "productMismatch")
            expect(after.prospects[i]?.category).not.toBe("productMismatch");
        });
      }),
      { numRuns: 100 },
    );
  });
});
