import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { outcome, randomOptions } from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { dateSchema, lengthAtLeast, oneOf, parseOptions } from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { calibrationHoldoutShape } from "../calibrationHoldoutSummarySql.js";
import { cohortRetentionShape } from "../cohortRetentionSql.js";
import { inactivityRiskShape } from "../inactivityRiskSql.js";
import { summaryShape } from "../repeatPurchaseSummarySql.js";
import { rfmTableShape } from "../rfmTableSql.js";
import { transactionsShape } from "../transactionsSql.js";
import { sqlOptionsShape } from "./build.js";

/**
 * Sql's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each writer's schema as it was, beside its rules
 * now: on random options, both must give the same options (defaults filled in) or the same issues.
 */
const columnSchema = z.string().check(lengthAtLeast(1));
const oldSummaryShape = {
  customer: columnSchema,
  date: columnSchema,
  amount: optionalSchema(columnSchema),
  asOf: dateSchema,
  timeUnit: z._default(oneOf(["day", "week", "month", "quarter", "year"]), "day"),
  afterAsOf: z._default(oneOf(["error", "drop"]), "error"),
};
const SUMMARY_DEFAULTS = { timeUnit: "day", afterAsOf: "error" };

interface Case {
  readonly shape: OptionShape;
  readonly defaults?: Record<string, unknown>;
  readonly before: Parameters<typeof parseOptions>[1];
}

const CASES: Record<string, Case> = {
  sqlOptions: {
    shape: sqlOptionsShape,
    defaults: { dateType: "timestamp", includeCustomersWithoutPurchases: false },
    before: optionsSchema({
      dialect: oneOf(["duckdb", "postgres", "bigquery", "snowflake", "spark"]),
      dateType: z._default(oneOf(["timestamp", "date", "string", "epochMilliseconds"]), "timestamp"),
      rowNumber: optionalSchema(z.string().check(lengthAtLeast(1))),
      includeCustomersWithoutPurchases: z._default(z.boolean(), false),
    }),
  },
  repeatPurchaseSummarySql: {
    shape: summaryShape,
    defaults: SUMMARY_DEFAULTS,
    before: optionsSchema(oldSummaryShape),
  },
  calibrationHoldoutSummarySql: {
    shape: calibrationHoldoutShape,
    defaults: SUMMARY_DEFAULTS,
    before: optionsSchema({ ...oldSummaryShape, calibrationEnd: dateSchema }),
  },
  cohortRetentionSql: {
    shape: cohortRetentionShape,
    before: optionsSchema({
      customer: columnSchema,
      date: columnSchema,
      amount: optionalSchema(columnSchema),
      period: oneOf(["week", "month", "quarter"]),
      asOf: dateSchema,
    }),
  },
  inactivityRiskSql: {
    shape: inactivityRiskShape,
    before: optionsSchema({ customer: columnSchema, date: columnSchema, asOf: dateSchema }),
  },
  rfmTableSql: {
    shape: rfmTableShape,
    defaults: { frequency: "orders", monetary: "total", afterAsOf: "error" },
    before: optionsSchema({
      customer: columnSchema,
      date: columnSchema,
      amount: columnSchema,
      order: optionalSchema(columnSchema),
      asOf: dateSchema,
      frequency: z._default(oneOf(["orders", "transactions"]), "orders"),
      monetary: z._default(oneOf(["total", "mean"]), "total"),
      afterAsOf: z._default(oneOf(["error", "drop"]), "error"),
    }),
  },
  transactionsSql: {
    shape: transactionsShape,
    before: optionsSchema({ transaction: columnSchema, item: columnSchema }),
  },
};

/**
 * The one difference: zod's length check ran after the type check had failed, on a value with a length,
 * so an empty array given for a column was also "Too small: expected array to have >=1 items" beside
 * "expected a string, received an array": a second issue about a value of the wrong kind, now left out.
 */
const withoutArrayLength = (issues: unknown): unknown =>
  (issues as { message: string }[]).filter(
    (issue) => !issue.message.startsWith("Too small: expected array to have"),
  );

/** Values of every kind sql's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    "",
    "customer_id",
    "2025-12-31",
    "not a date",
    "duckdb",
    "postgres",
    "bogus",
    "date",
    "string",
    "day",
    "month",
    "week",
    "orders",
    "mean",
    "drop",
    [],
    ["a"],
    {},
    { query: "SELECT 1" },
    new Date(0),
    new Date(Number.NaN),
    (row: { id: string }) => row.id,
  ),
  fc.double(),
  fc.string(),
);

describe("sql's option rules", () => {
  it("an empty array for a row-number column is one issue, its kind (zod added its length)", () => {
    const { issues } = outcome(() =>
      checkOptions("rfmTableSql", sqlOptionsShape, { dialect: "duckdb", rowNumber: [] }),
    );
    expect(issues).toEqual([
      { path: "rowNumber", message: "expected a string, received an array (received [])", received: [] },
    ]);
  });

  for (const [name, { shape, defaults = {}, before }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      fc.assert(
        fc.property(fc.oneof(randomOptions(names, anyValue, 8), anyValue), (options) => {
          const now = outcome(() => withDefaults(checkOptions(name, shape, options), defaults));
          const old = outcome(() => parseOptions(name, before, options));
          expect(now).toEqual(old.issues === undefined ? old : { issues: withoutArrayLength(old.issues) });
        }),
        { numRuns: 400 },
      );
    });
  }
});
