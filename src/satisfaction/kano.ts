import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, oneOf } from "../core/internal/optionRules.js";

/**
 * Kano categories: Attractive, One-dimensional, Must-be, Indifferent, Reverse, Questionable.
 *
 * @example
 * ```ts
 * kano([{ attribute: "wifi", functional: "like", dysfunctional: "neutral" }]).attributes[0].category; // => "A"
 * ```
 */
export type KanoCategory = "A" | "O" | "M" | "I" | "R" | "Q";

/**
 * The five answers of the Kano questionnaire, as words or as the codes 1-5.
 *
 * @example
 * ```ts
 * // 1 = like, 2 = must-be, 3 = neutral, 4 = live-with, 5 = dislike
 * kano([{ attribute: "wifi", functional: 1, dysfunctional: 5 }]).attributes[0].category; // => "O"
 * ```
 */
export type KanoAnswerValue = "like" | "must-be" | "neutral" | "live-with" | "dislike" | 1 | 2 | 3 | 4 | 5;

/**
 * Options of {@link kano}.
 *
 * @example
 * ```ts
 * kano([{ feature: "wifi", f: "like", d: "dislike" }], { attribute: "feature", functional: "f", dysfunctional: "d" })
 *   .attributes[0].category; // => "O"
 * ```
 */
export interface KanoOptions<T> {
  /** The attribute (feature) asked about. @defaultValue "attribute" */
  readonly attribute?: Field<T>;
  /** Answer to the functional question ("if the product has it, how do you feel?"). @defaultValue "functional" */
  readonly functional?: Field<T>;
  /** Answer to the dysfunctional question ("if it does not have it, ..."). @defaultValue "dysfunctional" */
  readonly dysfunctional?: Field<T>;
  /**
   * Denominator of Better and Worse: `"AOMI"` = A + O + M + I (Berger et al. 1993, the usual convention, which
   * leaves reverse and questionable answers out) or `"all"` = every classified answer.
   * @defaultValue "AOMI"
   */
  readonly denominator?: "AOMI" | "all";
}

/**
 * Kano evaluation of one attribute.
 *
 * @example
 * ```ts
 * kano([
 *   { attribute: "free delivery", functional: "like", dysfunctional: "dislike" },
 *   { attribute: "free delivery", functional: "like", dysfunctional: "neutral" },
 *   { attribute: "free delivery", functional: "like", dysfunctional: "dislike" },
 * ]).attributes[0];
 * // => { attribute: "free delivery", counts: { A: 1, O: 2, M: 0, I: 0, R: 0, Q: 0 }, total: 3, category: "O",
 * //      better: 1, worse: -0.6667, denominator: 3 }
 * ```
 */
export interface KanoAttribute {
  readonly attribute: string;
  /** Counts per category. */
  readonly counts: Readonly<Record<KanoCategory, number>>;
  /** Answers classified. */
  readonly total: number;
  /** Most frequent category; ties broken M > O > A > I > R > Q (Berger et al. 1993). */
  readonly category: KanoCategory;
  /** Better (satisfaction) coefficient (A + O) / denominator, 0..1; null when the denominator is 0. */
  readonly better: number | null;
  /** Worse (dissatisfaction) coefficient −(O + M) / denominator, −1..0; null when the denominator is 0. */
  readonly worse: number | null;
  /** The denominator used. */
  readonly denominator: number;
}

/**
 * Result of {@link kano}.
 *
 * @example
 * ```ts
 * const result = kano([
 *   { attribute: "wifi", functional: "like", dysfunctional: "neutral" },
 *   { attribute: "wifi", functional: null, dysfunctional: "like" },
 * ]);
 * [result.attributes.length, result.skipped, result.options]; // => [1, 1, { denominator: "AOMI" }]
 * ```
 */
export interface KanoResult {
  /** Attributes in first-seen order. */
  readonly attributes: readonly KanoAttribute[];
  /** Answer pairs skipped because an answer was missing. */
  readonly skipped: number;
  readonly options: { readonly denominator: "AOMI" | "all" };
}

const NAME = "kano";
const ANSWERS: Readonly<Record<string, number>> = {
  like: 0,
  "must-be": 1,
  neutral: 2,
  "live-with": 3,
  dislike: 4,
};
// Kano evaluation table: rows functional answer, columns dysfunctional answer (like .. dislike).
const TABLE: readonly (readonly KanoCategory[])[] = [
  ["Q", "A", "A", "A", "O"],
  ["R", "I", "I", "I", "M"],
  ["R", "I", "I", "I", "M"],
  ["R", "I", "I", "I", "M"],
  ["R", "R", "R", "R", "Q"],
];
const TIE_ORDER: readonly KanoCategory[] = ["M", "O", "A", "I", "R", "Q"];

/**
 * Rules of kano's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const kanoShape = {
  attribute: /* @__PURE__ */ field<string | ((record: never, index: number) => unknown)>(),
  functional: /* @__PURE__ */ field<string | ((record: never, index: number) => unknown)>(),
  dysfunctional: /* @__PURE__ */ field<string | ((record: never, index: number) => unknown)>(),
  denominator: /* @__PURE__ */ oneOf(["AOMI", "all"]),
};

/** The defaults of kano's options (documented in KanoOptions). */
const KANO_DEFAULTS = {
  attribute: "attribute",
  functional: "functional",
  dysfunctional: "dysfunctional",
  denominator: "AOMI",
} as const;

/**
 * Kano analysis (Kano et al. 1984): each respondent answers a functional and a dysfunctional question per
 * attribute with one of like, must-be, neutral, live-with, dislike (or 1-5 in that order); the pair is
 * classified by the Kano evaluation table into Attractive, One-dimensional, Must-be, Indifferent, Reverse or
 * Questionable. Per attribute: counts, the most frequent category, and Berger et al.'s (1993) customer
 * satisfaction coefficients Better = (A + O) / (A + O + M + I) and Worse = −(O + M) / (A + O + M + I).
 * Pairs with a missing answer are skipped and counted.
 *
 * References: Kano, Seraku, Takahashi & Tsuji (1984), Attractive quality and must-be quality; Berger et al.
 * (1993), Kano's methods for understanding customer-defined quality, Center for Quality Management Journal 2(4).
 *
 * @param answers - one record per respondent and attribute
 * @param options - see {@link KanoOptions}
 * @throws InvalidRecordError for an answer that is not one of the five (row, field and value named), or an
 *   element that is not a record (null, a number, a string)
 * @throws InvalidOptionsError for an unknown or invalid option, or `answers` that is not an array
 * @throws InsufficientDataError when no answer pair is complete
 * @example
 * ```ts
 * kano([
 *   { attribute: "free delivery", functional: "like", dysfunctional: "dislike" },
 *   { attribute: "free delivery", functional: "like", dysfunctional: "neutral" },
 *   { attribute: "free delivery", functional: "like", dysfunctional: "dislike" },
 * ]).attributes[0];
 * // => { attribute: "free delivery", counts: { A: 1, O: 2, M: 0, I: 0, R: 0, Q: 0 }, total: 3, category: "O",
 * //      better: 1, worse: -0.6667, denominator: 3 }
 * ```
 */
export function kano<T extends object>(answers: readonly T[], options: KanoOptions<T> = {}): KanoResult {
  const parsed = withDefaults(checkOptions(NAME, kanoShape, options), KANO_DEFAULTS);
  assertRecordArray(answers, NAME, "answers");
  const attribute = resolveField(parsed.attribute as Field<T>, "attribute");
  const functional = resolveField(parsed.functional as Field<T>, "functional");
  const dysfunctional = resolveField(parsed.dysfunctional as Field<T>, "dysfunctional");
  const code = (value: unknown, row: number, label: string): number | undefined => {
    if (value === null || value === undefined || value === "") return undefined;
    if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5) return value - 1;
    if (typeof value === "string") {
      const found = ANSWERS[value.trim().toLowerCase()];
      if (found !== undefined) return found;
    }
    throw new InvalidRecordError(
      NAME,
      row,
      label,
      value,
      'expected one of "like", "must-be", "neutral", "live-with", "dislike" or the codes 1-5',
    );
  };
  const byAttribute = new Map<string, Record<KanoCategory, number>>();
  let skipped = 0;
  for (let i = 0; i < answers.length; i++) {
    const record = answers[i] as T;
    const name = attribute.read(record, i);
    if (typeof name !== "string" || name === "") {
      throw new InvalidRecordError(NAME, i, attribute.label, name, "expected a non-empty attribute name");
    }
    const f = code(functional.read(record, i), i, functional.label);
    const d = code(dysfunctional.read(record, i), i, dysfunctional.label);
    if (f === undefined || d === undefined) {
      skipped++;
      continue;
    }
    let counts = byAttribute.get(name);
    if (counts === undefined) {
      counts = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
      byAttribute.set(name, counts);
    }
    const category = (TABLE[f] as readonly KanoCategory[])[d] as KanoCategory;
    counts[category]++;
  }
  if (byAttribute.size === 0)
    throw new InsufficientDataError(NAME, `no complete answer pair (${skipped} skipped)`);
  const attributes: KanoAttribute[] = [];
  for (const [name, counts] of byAttribute) {
    const total = counts.A + counts.O + counts.M + counts.I + counts.R + counts.Q;
    let category: KanoCategory = "M";
    for (const candidate of TIE_ORDER) if (counts[candidate] > counts[category]) category = candidate;
    const denominator = parsed.denominator === "AOMI" ? counts.A + counts.O + counts.M + counts.I : total;
    attributes.push({
      attribute: name,
      counts,
      total,
      category,
      better: denominator === 0 ? null : (counts.A + counts.O) / denominator,
      worse: denominator === 0 ? null : -(counts.O + counts.M) / denominator,
      denominator,
    });
  }
  return withDisplay(
    { attributes, skipped, options: { denominator: parsed.denominator } },
    {
      title: "Kano analysis",
      summary: (r) => [
        `Better/Worse denominator: ${r.options.denominator === "AOMI" ? "A+O+M+I (Berger et al. 1993)" : "all answers"}`,
      ],
      rows: (r) =>
        r.attributes.map((a) => ({
          attribute: a.attribute,
          category: a.category,
          ...a.counts,
          better: a.better,
          worse: a.worse,
        })),
    },
  );
}
