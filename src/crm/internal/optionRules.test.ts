import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { outcome, randomOptions, wrongKindValues } from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { fieldSchema, parseOptions } from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import {
  complaintSummaryShape,
  DEFAULT_COMPLAINT_CATEGORIES,
  parseComplaintSummaryOptions,
} from "../complaintSummary.js";
import { contactPolicyShape } from "../contactPolicy.js";
import { customerShareShape } from "../customerShare.js";
import { CUSTOMER_SHARE_INPUTS_DEFAULTS, customerShareInputsShape } from "../customerShareInputs.js";
import { parseServiceKpisOptions, serviceKpisShape } from "../serviceKpis.js";
import { silentDissatisfiedShape } from "../silentDissatisfied.js";

/**
 * Crm's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was, beside its rules
 * now: on random options, both must give the same options (defaults filled in) or the same issues.
 */

const shareFraction = z
  .number()
  .check(z.gte(0, "must be a fraction in [0, 1]"), z.lte(1, "must be a fraction in [0, 1]"));
const shareIndex = z
  .number()
  .check(z.gt(0, "must be an index > 0 (1 = market average)"), z.refine(Number.isFinite, "must be finite"));
const ignored = optionalSchema(z.custom());

const share = z.number().check(z.gte(0, "must be in [0, 1]"), z.lte(1, "must be in [0, 1]"));
const nonNegative = z.number().check(z.gte(0, "must be at least 0"));
const range = (schema: z.ZodMiniNumber) =>
  optionsSchema({ low: schema, high: schema }).check(
    z.refine((r) => r.low <= r.high, { message: "low must not exceed high" }),
  );

/** complaintSummary's label lists, as zod checked them (distinct once trimmed and lower-cased). */
const distinctLabels = (kind: string, reserved: string) =>
  z.array(z.string().check(z.minLength(1))).check((payload) => {
    const seen = new Map<string, number>();
    payload.value.forEach((label, j) => {
      const key = label.trim().toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, j);
      const message =
        first !== undefined
          ? `duplicate ${kind} "${label}" (same as entry ${first} once trimmed and lower-cased); list each ${kind} once`
          : key === reserved
            ? `"${reserved}" is the name of the catch-all row; rename this ${kind}`
            : undefined;
      if (message !== undefined)
        payload.issues.push({ code: "custom", path: [j], input: label, message, continue: true });
    });
  });
const skippableField = (key: string) => z._default(z.nullable(fieldSchema), key);

const nullableField = z.nullable(fieldSchema);
const atLeast0 = z.number().check(z.gte(0, "must be at least 0"));
const sideLogSchema = <S extends Record<string, z.ZodMiniType>>(shape: S) =>
  optionalSchema(
    optionsSchema({ records: z.array(z.custom()), ...shape, segment: z._default(nullableField, null) }),
  );

interface Case {
  readonly shape: OptionShape;
  /** The check now, when it is more than checkOptions and withDefaults. */
  readonly parse?: (options: unknown) => unknown;
  readonly defaults?: Record<string, unknown>;
  readonly before: Parameters<typeof parseOptions>[1];
  /** Values of the options beyond the common ones below. */
  readonly values?: readonly unknown[];
}

const CASES: Record<string, Case> = {
  customerShare: {
    shape: customerShareShape,
    defaults: { selectivity: 1, priceSelectivity: 1 },
    before: optionsSchema({
      penetration: shareFraction,
      loyalty: shareFraction,
      selectivity: z._default(shareIndex, 1),
      priceSelectivity: z._default(shareIndex, 1),
      marketCustomers: ignored,
      ourBuyers: ignored,
      ourVolume: ignored,
      marketVolume: ignored,
      ourBuyersVolume: ignored,
      ourRevenue: ignored,
      marketRevenue: ignored,
    }),
  },
  customerShareInputs: {
    shape: customerShareInputsShape,
    defaults: CUSTOMER_SHARE_INPUTS_DEFAULTS,
    before: optionsSchema({
      ours: fieldSchema,
      customer: z._default(fieldSchema, "customerId"),
      quantity: z._default(z.nullable(fieldSchema), null),
      amount: z._default(z.nullable(fieldSchema), null),
      customers: optionalSchema(z.array(z.custom())),
      customerId: z._default(fieldSchema, "customerId"),
    }),
  },
  complaintSummary: {
    shape: complaintSummaryShape,
    parse: parseComplaintSummaryOptions,
    before: optionsSchema({
      category: z._default(fieldSchema, "category"),
      categories: z._default(distinctLabels("category", "other"), [...DEFAULT_COMPLAINT_CATEGORIES]),
      severity: skippableField("severity"),
      severityTiers: z._default(distinctLabels("severity tier", "(missing)").check(z.minLength(1)), [
        "low",
        "medium",
        "high",
        "critical",
      ]),
      openedAt: z._default(fieldSchema, "openedAt"),
      firstResponseAt: skippableField("firstResponseAt"),
      resolvedAt: skippableField("resolvedAt"),
      contacts: skippableField("contacts"),
      reopened: skippableField("reopened"),
      customer: skippableField("customerId"),
      repeatThreshold: z._default(
        z.number().check(z.int("must be a whole number"), z.gte(2, "must be at least 2")),
        2,
      ),
      period: z._default(z.enum(["day", "week", "month", "quarter", "year"]), "month"),
      timeUnit: z._default(z.enum(["hour", "day"]), "hour"),
    }),
    values: [
      ["low", "Low "],
      ["other", "x"],
      ["billing", "", 3],
      ["(missing)", "", ""],
      "abc",
      { length: 0 },
      ["a", "b", "A"],
    ],
  },
  serviceKpis: {
    shape: serviceKpisShape,
    parse: parseServiceKpisOptions,
    before: optionsSchema({
      promisedDate: z._default(fieldSchema, "promisedDate"),
      deliveredDate: z._default(fieldSchema, "deliveredDate"),
      status: z._default(nullableField, "status"),
      deliveredStatuses: z._default(z.array(z.string()).check(z.minLength(1)), ["delivered"]),
      lostStatuses: z._default(z.array(z.string()), ["lost"]),
      damaged: z._default(nullableField, "damaged"),
      inStock: z._default(nullableField, "inStock"),
      shippedCorrectly: z._default(nullableField, null),
      date: z._default(nullableField, null),
      segment: z._default(nullableField, null),
      graceDays: z._default(atLeast0, 0),
      period: z._default(z.enum(["day", "week", "month", "quarter", "year"]), "month"),
      inventoryCounts: sideLogSchema({
        date: z._default(fieldSchema, "date"),
        systemQuantity: z._default(fieldSchema, "systemQuantity"),
        countedQuantity: z._default(fieldSchema, "countedQuantity"),
        tolerance: z._default(atLeast0, 0),
      }),
      complaints: sideLogSchema({
        openedAt: z._default(fieldSchema, "openedAt"),
        resolvedAt: z._default(fieldSchema, "resolvedAt"),
        contacts: z._default(fieldSchema, "contacts"),
        reopened: z._default(nullableField, "reopened"),
      }),
      receipts: sideLogSchema({
        date: z._default(fieldSchema, "date"),
        correct: z._default(fieldSchema, "correct"),
      }),
    }),
    values: [
      ["delivered", 1],
      ["shipped", "lost"],
      { records: [{}], tolerance: 2, segment: null },
      { records: [], tolerance: -1, date: "" },
      { records: [], reopened: null, contacts: "n" },
      { records: [], correct: "ok", segment: "store" },
      { records: 5 },
      { record: [] },
      { records: [], tolerence: 1 },
    ],
  },
  contactPolicy: {
    shape: contactPolicyShape,
    defaults: { maxContacts: 12, prospect: "prospectId", deal: "deal", date: null },
    before: optionsSchema({
      maxContacts: z._default(
        z.number().check(z.int("must be a whole number"), z.gte(1, "must be at least 1")),
        12,
      ),
      prospect: z._default(fieldSchema, "prospectId"),
      deal: z._default(fieldSchema, "deal"),
      date: z._default(z.nullable(fieldSchema), null),
    }),
  },
  silentDissatisfied: {
    shape: silentDissatisfiedShape,
    defaults: {
      neverComplainShare: { low: 0.7, high: 0.95 },
      leaveQuietlyShare: 0.96,
      neverReturnShare: 0.91,
      tells: { low: 8, high: 10 },
      heavyTellerShare: 0.2,
      heavyTellerReach: 20,
    },
    before: optionsSchema({
      complaints: z.union([
        z.number().check(z.int("must be a whole number"), z.gte(0, "must be at least 0")),
        z.array(z.custom()),
      ]),
      neverComplainShare: z._default(
        range(
          z.number().check(z.gte(0, "must be in [0, 1)"), z.lt(1, "must be below 1 (someone complains)")),
        ),
        { low: 0.7, high: 0.95 },
      ),
      leaveQuietlyShare: z._default(share, 0.96),
      neverReturnShare: z._default(share, 0.91),
      tells: z._default(range(nonNegative), { low: 8, high: 10 }),
      heavyTellerShare: z._default(share, 0.2),
      heavyTellerReach: z._default(nonNegative, 20),
    }),
    values: [
      { low: 0.9, high: 0.1, x: 1 },
      { low: 1, high: -1 },
      { low: 0.2 },
      { low: 0.2, high: 0.9 },
      { low: 2, high: 12 },
      { low: -1, high: "x" },
      { low: Number.NaN, high: 1 },
      -0,
      2 ** 53,
      -(2 ** 53),
    ],
  },
};

/**
 * A length issue zod's z.minLength added on a value of the wrong kind that has a length (a string given for
 * complaintSummary's severityTiers or serviceKpis' deliveredStatuses: "expected an array" and "Too small:
 * expected string to have >=1 characters"): a second issue about a value that is not a list at all, now
 * left out.
 */
const lengthOfWrongKind = (issue: { path: string; message: string; received?: unknown }): boolean =>
  !Array.isArray(issue.received) &&
  /^Too small: expected \w+ to (have|be) /.test(issue.message) &&
  ["severityTiers", "deliveredStatuses"].includes(issue.path);

/**
 * The one change of wording: a range option of silentDissatisfied that is not an object was "expected a
 * valid value, received ..." (the zod schema could not say what it wanted); it is now "expected an object".
 */
const sayMore = (issues: unknown): unknown =>
  (issues as { path: string; message: string; received?: unknown }[] | undefined)
    ?.filter((issue) => !lengthOfWrongKind(issue))
    .map((issue) => ({
      ...issue,
      message: issue.message.replace(/^expected a valid value, /, "expected an object, "),
    }));

const accessor = (record: { spend?: number }) => record.spend;

/** Values of every kind crm's options take, and near misses. */
const COMMON: readonly unknown[] = [
  undefined,
  null,
  0,
  1,
  2,
  0.5,
  1.5,
  -1,
  1e20,
  -1e20,
  ...wrongKindValues,
  "customerId",
  "month",
  "week",
  "hour",
  "bogus",
  [],
  ["a"],
  ["a", "a"],
  ["a", ""],
  ["a", 1],
  [{ customerId: "a" }],
  {},
  { low: 1, high: 2 },
  { low: 2, high: 1 },
  { records: [] },
  { records: [], date: "day" },
  { records: [], colour: 1 },
  new Date(0),
  accessor,
];

describe("crm's option rules", () => {
  it("serviceKpis fills in each side log's defaults, as zod's defaults inside the log did", () => {
    const options = {
      status: null,
      inventoryCounts: { records: [{}], tolerance: 2 },
      complaints: { records: [], reopened: null, segment: "store" },
      receipts: { records: [] },
    };
    const { before } = CASES.serviceKpis as Case;
    const now = parseServiceKpisOptions(options);
    expect(now).toEqual(parseOptions("serviceKpis", before, options));
    expect(now.complaints).toEqual({
      records: [],
      openedAt: "openedAt",
      resolvedAt: "resolvedAt",
      contacts: "contacts",
      reopened: null,
      segment: "store",
    });
  });

  it("a null for a measure that null skips stays null, as with zod's default (not the default field)", () => {
    const options = { severity: null, contacts: null, customer: null, period: "week" };
    const { before } = CASES.complaintSummary as Case;
    expect(parseComplaintSummaryOptions(options)).toEqual(parseOptions("complaintSummary", before, options));
    expect(parseComplaintSummaryOptions(options)).toMatchObject({ severity: null, resolvedAt: "resolvedAt" });
  });

  it("silentDissatisfied says a range is an object where zod said only 'a valid value'", () => {
    expect(() =>
      checkOptions("silentDissatisfied", silentDissatisfiedShape, { complaints: 3, tells: 9 }),
    ).toThrow("tells: expected an object, received a number (received 9)");
  });

  for (const [name, { shape, parse, defaults = {}, before, values = [] }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      const anyValue = fc.oneof(
        fc.constantFrom(...COMMON, ...values),
        fc.constantFrom(null, undefined),
        fc.double(),
        fc.integer(),
      );
      fc.assert(
        fc.property(fc.oneof(randomOptions(names, anyValue, 6), anyValue), (options) => {
          const now = outcome(() =>
            parse === undefined ? withDefaults(checkOptions(name, shape, options), defaults) : parse(options),
          );
          const old = outcome(() => parseOptions(name, before, options));
          expect(now).toEqual(old.issues === undefined ? old : { issues: sayMore(old.issues) });
        }),
        { numRuns: 400 },
      );
    });
  }
});
