import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { outcome } from "../../../test/optionOutcome.js";
import {
  customSchema,
  described,
  expected,
  optionalSchema,
  optionsSchema,
  stringListSchema,
  stringSchema,
} from "../../../test/zodOracle/optionChecks.js";
import { fieldSchema, oneOf, parseOptions } from "../../../test/zodOracle/options.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { checkOptions } from "../../core/internal/optionRules.js";
import { parseQualifyOptions } from "./manOptions.js";
import { offeringRule } from "./manRules.js";

/**
 * qualifyProspects' and offeringPayments' options were checked by zod schemas run through parseOptions
 * until session 8; they are now checked by core's option rules (manRules.ts). Below, the schemas as they
 * were (with the map schema they used), beside the rules now: on random options, both must give the same
 * options or the same issues.
 */

const SYNC = { async: false } as const;

/** The map schema of word -> value the old schemas used (each value checked by `values`, or `loose` keys). */
function valueMapSchema(
  values: core.$ZodType | undefined,
  notAnObject?: string,
  loose?: Readonly<Record<string, core.$ZodType>>,
): z.ZodMiniCustom<unknown, unknown> {
  const schema = z.custom<never>().check((payload) => {
    const input = payload.value as Record<string, unknown> | null;
    const issues = payload.issues as unknown[];
    if (input === null || typeof input !== "object" || Array.isArray(input))
      return void issues.push(
        notAnObject === undefined
          ? { code: "invalid_type", expected: "object", input }
          : { code: "invalid_type", expected: "object", input, message: notAnObject },
      );
    const output: Record<string, unknown> = loose === undefined ? {} : { ...input };
    for (const key of Object.keys(input)) {
      const check = loose === undefined ? values : input[key] === undefined ? undefined : loose[key];
      if (check === undefined) continue;
      const result = check._zod.run({ value: input[key], issues: [] }, SYNC) as core.ParsePayload;
      for (const issue of result.issues as { path?: PropertyKey[] }[]) {
        issue.path = [key, ...(issue.path ?? [])];
        issues.push(issue);
      }
      output[key] = result.value;
    }
    payload.value = output as never;
  });
  Object.assign(schema._zod.def, { shape: loose ?? {}, catchall: values });
  return described(schema, "an object") as never;
}

const amount = z
  .number()
  .check(z.refine(Number.isFinite, "must be a finite number"), z.gte(0, "must be at least 0"));
const positiveAmount = z
  .number()
  .check(z.refine(Number.isFinite, "must be a finite number"), z.gt(0, "must be greater than 0"));
const inUnit = z.refine<number>((value) => value >= 0 && value <= 1, "must be in [0, 1]");
const instalmentShare = z
  .number("expected a share in (0, 1]")
  .check(z.refine((value) => value > 0 && value <= 1, "must be in (0, 1]"));

const offeringSchema = optionsSchema({
  name: optionalSchema(stringSchema()),
  price: positiveAmount,
  deposit: optionalSchema(amount),
  depositShare: optionalSchema(z.number("expected a share in [0, 1]").check(inUnit)),
  monthlyInstalment: optionalSchema(positiveAmount),
  loan: optionalSchema(optionsSchema({ annualRate: amount, years: positiveAmount })),
  maxInstalmentShare: optionalSchema(instalmentShare),
  provides: optionalSchema(
    valueMapSchema(
      z.custom<boolean | number>(
        (value) => typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)),
        { message: "expected true or false or a finite number" },
      ),
    ),
  ),
  lacks: optionalSchema(stringListSchema()),
}).check(
  z.refine(
    (o) => !(o.deposit !== undefined && o.depositShare !== undefined),
    "give deposit or depositShare, not both",
  ),
  z.refine(
    (o) => !(o.loan !== undefined && o.monthlyInstalment !== undefined),
    "give loan or monthlyInstalment, not both",
  ),
  z.refine((o) => (o.deposit ?? 0) <= o.price, "deposit must not exceed the price"),
);

const finite = z.number("expected a finite number").check(z.refine(Number.isFinite, "must be finite"));
const unit = z.number("expected a number in [0, 1]").check(inUnit);
const positive = z
  .number()
  .check(z.gte(0, "must be at least 0"), z.refine(Number.isFinite, "must be finite"));
const aboveZero = z
  .number()
  .check(z.gt(0, "must be greater than 0"), z.refine(Number.isFinite, "must be finite"));
const scoreMap = valueMapSchema(z.number("expected a score in [0, 1]").check(inUnit));
const field = optionalSchema(fieldSchema);
const VERDICTS = ["drop", "defer", "mismatch"];

const qualifyProspectsSchema = optionsSchema({
  preset: optionalSchema(oneOf(["lifeInsurance", "generic", "realEstate", "b2bService", "consumerDurable"])),
  fields: optionalSchema(
    optionsSchema({
      id: field,
      income: field,
      incomeStability: field,
      authority: field,
      dependants: field,
      lifeEvents: field,
      needStrength: field,
      health: field,
      requirements: field,
      incomeTrend: field,
      savings: field,
      budget: field,
    }),
  ),
  money: optionalSchema(
    optionsSchema({
      incomeScale: optionalSchema(oneOf(["amount", "score"])),
      minIncome: optionalSchema(positive),
      fullIncome: optionalSchema(positive),
      unstableFactor: optionalSchema(unit),
      levels: optionalSchema(scoreMap),
      threshold: optionalSchema(unit),
      maxInstalmentShare: optionalSchema(instalmentShare),
      minCover: optionalSchema(aboveZero),
      fullCover: optionalSchema(aboveZero),
      trendFactors: optionalSchema(scoreMap),
    }),
  ),
  authority: optionalSchema(
    optionsSchema({ levels: optionalSchema(scoreMap), threshold: optionalSchema(unit) }),
  ),
  need: optionalSchema(
    optionsSchema({
      perDependant: optionalSchema(unit),
      lifeEvents: optionalSchema(scoreMap),
      strengths: optionalSchema(scoreMap),
      threshold: optionalSchema(unit),
    }),
  ),
  weights: optionalSchema(
    optionsSchema({
      money: optionalSchema(positive),
      authority: optionalSchema(positive),
      need: optionalSchema(positive),
    }),
  ),
  underwriting: optionalSchema(
    optionsSchema({ veto: optionalSchema(stringListSchema()), factors: optionalSchema(scoreMap) }),
  ),
  offering: optionalSchema(
    z.custom(
      (value) =>
        value === null ||
        (Array.isArray(value) ? value.every((item) => typeof item === "string") : typeof value === "object"),
      { message: "expected an array of feature names, an offering object or null" },
    ),
  ),
  minFit: optionalSchema(unit),
  fit: optionalSchema(
    optionsSchema({
      maxOversize: optionalSchema(z.number().check(z.gte(1, "must be at least 1"))),
      limits: optionalSchema(
        valueMapSchema(
          valueMapSchema(undefined, "expected { min?, max? } (finite numbers)", { min: finite, max: finite }),
        ),
      ),
    }),
  ),
  vetoes: optionalSchema(
    customSchema((vetoes, report) => {
      if (!Array.isArray(vetoes)) return report(expected("an array", vetoes), vetoes);
      vetoes.forEach((veto: unknown, i) => {
        if (typeof veto !== "object" || veto === null || Array.isArray(veto)) {
          report(expected("an object { verdict, test }", veto), veto, [i]);
          return;
        }
        const { verdict, test } = veto as { verdict?: unknown; test?: unknown };
        if (!VERDICTS.includes(verdict as never))
          report('Invalid option: expected one of "drop"|"defer"|"mismatch"', verdict, [i, "verdict"]);
        if (typeof test !== "function")
          report("expected a function returning a reason or a falsy value", test, [i, "test"]);
        for (const key of Object.keys(veto))
          if (key !== "verdict" && key !== "test")
            report(unknownOptionMessage(key, ["verdict", "test"]), (veto as Record<string, unknown>)[key], [
              i,
              key,
            ]);
      });
    }),
  ),
  missing: optionalSchema(oneOf(["defer", "error"])),
});

const test = () => "too young";

/** Numbers and near misses. */
const NUMBERS: readonly unknown[] = [0, 1, 0.5, 2, -1, 1.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY];
const LEAVES: readonly unknown[] = [
  undefined,
  null,
  ...NUMBERS,
  true,
  "",
  "income",
  "generic",
  "lifeInsurance",
  "amount",
  "score",
  "defer",
  "error",
  "bogus",
  [],
  ["garden"],
  ["garden", 2],
  {},
  new Date(0),
  test,
];

/** An object of some of `names` (and a misspelt one) with values from `values`. */
const objectOf = (names: readonly string[], values: fc.Arbitrary<unknown>) =>
  fc.dictionary(fc.constantFrom(...names, `${names[0]}x`), values, { maxKeys: 4 });

const leaf = fc.oneof(fc.constantFrom(...LEAVES), fc.double());
const number = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NUMBERS) }, leaf);
const scores = fc.oneof(
  fc.dictionary(fc.constantFrom("low", "high", "garden"), number, { maxKeys: 3 }),
  leaf,
);
const limits = fc.oneof(
  fc.dictionary(fc.constantFrom("size", "age"), fc.oneof(objectOf(["min", "max", "mni"], number), leaf), {
    maxKeys: 2,
  }),
  leaf,
);
const offering = fc.oneof(
  fc.record(
    {
      name: fc.oneof(fc.constantFrom("house", 5)),
      price: number,
      deposit: number,
      depositShare: number,
      monthlyInstalment: number,
      loan: fc.oneof(objectOf(["annualRate", "years"], number), leaf),
      maxInstalmentShare: number,
      provides: fc.oneof(fc.dictionary(fc.constantFrom("garden", "pool"), leaf, { maxKeys: 2 }), leaf),
      lacks: leaf,
      colour: leaf,
    },
    { requiredKeys: ["price"] },
  ),
  leaf,
);
const vetoes = fc.oneof(
  fc.array(
    fc.oneof(
      fc.record(
        { verdict: fc.constantFrom("drop", "defer", "bogus"), test: fc.constantFrom(test, 1) },
        {
          requiredKeys: [],
        },
      ),
      fc.constant({ verdict: "drop", test, extra: 1 }),
      leaf,
    ),
    { maxLength: 2 },
  ),
  leaf,
);

const qualifyOptions = fc.oneof(
  fc.record(
    {
      preset: leaf,
      fields: fc.oneof(objectOf(["id", "income", "budget"], leaf), leaf),
      money: fc.oneof(
        fc.record(
          {
            incomeScale: leaf,
            minIncome: number,
            fullIncome: number,
            unstableFactor: number,
            levels: scores,
            maxInstalmentShare: number,
            minCover: number,
            trendFactors: scores,
            colour: leaf,
          },
          { requiredKeys: [] },
        ),
        leaf,
      ),
      authority: fc.oneof(objectOf(["levels", "threshold"], fc.oneof(scores, number)), leaf),
      need: fc.oneof(
        objectOf(["perDependant", "lifeEvents", "strengths", "threshold"], fc.oneof(scores, number)),
        leaf,
      ),
      weights: fc.oneof(objectOf(["money", "authority", "need"], number), leaf),
      underwriting: fc.oneof(objectOf(["veto", "factors"], fc.oneof(scores, leaf)), leaf),
      offering,
      minFit: number,
      fit: fc.oneof(objectOf(["maxOversize", "limits"], fc.oneof(limits, number)), leaf),
      vetoes,
      missing: leaf,
      colour: leaf,
    },
    { requiredKeys: [] },
  ),
  leaf,
);

describe("qualifyProspects' and offeringPayments' option rules", () => {
  it("qualifyProspects: the same options and issues as its zod schema gave, on any options", () => {
    fc.assert(
      fc.property(qualifyOptions, (options) => {
        const now = outcome(() => parseQualifyOptions(options));
        const before = outcome(() => {
          const parsed = parseOptions("qualifyProspects", qualifyProspectsSchema, options);
          return {
            ...parsed,
            preset: parsed.preset ?? "generic",
            vetoes: parsed.vetoes ?? [],
            missing: parsed.missing ?? "defer",
          };
        });
        expect(now).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("an offering with a feature left undefined, beside bound failures", () => {
    const value = {
      price: 0,
      monthlyInstalment: 0,
      loan: { annualRate: 0, years: 0 },
      provides: { garden: undefined },
    };
    const now = outcome(
      () => checkOptions("offeringPayments", { offering: offeringRule }, { offering: value }).offering,
    );
    expect(now).toEqual(outcome(() => parseOptions("offeringPayments", offeringSchema, value, "offering")));
  });

  it("an offering: the same options and issues as its zod schema gave, on any offering", () => {
    fc.assert(
      fc.property(offering, (value) => {
        const now = outcome(
          () =>
            checkOptions("offeringPayments", { offering: offeringRule }, { offering: value ?? {} }).offering,
        );
        expect(now).toEqual(
          outcome(() => parseOptions("offeringPayments", offeringSchema, value, "offering")),
        );
      }),
      { numRuns: 500 },
    );
  });
});
