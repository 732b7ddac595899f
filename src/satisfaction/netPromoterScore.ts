import {
  assertRecordArray,
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  parseDecimal,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, numeric } from "../core/internal/optionRules.js";
import { normalQuantile } from "./internal/normal.js";

/**
 * Options of {@link netPromoterScore}.
 *
 * @example
 * ```ts
 * const result = netPromoterScore([{ nps: 10 }, { nps: 6 }, { nps: null }], { field: "nps", level: 0.9 });
 * [result.score, result.count, result.skipped, result.level]; // => [0, 2, 1, 0.9]
 * ```
 */
export interface NetPromoterScoreOptions<T> {
  /** Where the 0-10 answer is in each record. @defaultValue the element itself (an array of numbers) */
  readonly field?: Field<T>;
  /** Confidence level of the interval. @defaultValue 0.95 */
  readonly level?: number;
}

/**
 * Result of {@link netPromoterScore}.
 *
 * @example
 * ```ts
 * const result = netPromoterScore([10, 9, 8, 3]);
 * [result.score, result.promoterShare, result.passiveShare, result.detractorShare]; // => [25, 0.5, 0.25, 0.25]
 * ```
 */
export interface NetPromoterScoreResult {
  /** NPS in points, −100..100: 100 · (promoterShare − detractorShare). */
  readonly score: number;
  /** Answers used. */
  readonly count: number;
  /** Missing answers (null, undefined, "", NaN) skipped. */
  readonly skipped: number;
  /** Answers 9-10. */
  readonly promoters: number;
  /** Answers 7-8. */
  readonly passives: number;
  /** Answers 0-6. */
  readonly detractors: number;
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  /** Standard error of the score in points. */
  readonly standardError: number;
  /** Wald interval bounds in points, clipped to −100..100. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

const NAME = "netPromoterScore";
/**
 * Rules of netPromoterScore's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const netPromoterScoreShape = {
  field: /* @__PURE__ */ field<string | ((record: never, index: number) => unknown)>(),
  level: /* @__PURE__ */ numeric({ gt: 0, lt: 1 }),
};

/**
 * Net Promoter Score (Reichheld 2003) of answers to "How likely are you to recommend us?" on 0-10:
 * promoters answer 9-10, passives 7-8, detractors 0-6; NPS = % promoters − % detractors.
 *
 * Interval: the answers are a multinomial sample, so with shares p₊ (promoters) and p₋ (detractors)
 * Var(p₊ − p₋) = (p₊ + p₋ − (p₊ − p₋)²) / n; the Wald interval is NPS ± z · 100 · sqrt(Var), clipped to ±100.
 * With few answers or shares near 0 or 1 the Wald interval is optimistic; prefer a bootstrap there.
 *
 * Missing answers are skipped and counted; anything else that is not an integer 0-10 is an error. Strings
 * are read in decimal notation only (`"9"`, `" 10 "`, `"7.0"`, as core's `parseDecimal`); `"0x10"` or
 * `"0b11"` are errors, not 16 and 3.
 *
 * Reference: Reichheld (2003), The one number you need to grow, Harvard Business Review 81(12);
 * Rocks (2016), Interval estimation for the Net Promoter Score, The American Statistician 70(4).
 *
 * @param answers - numbers 0-10, or records with `field`
 * @param options - see {@link NetPromoterScoreOptions}
 * @throws InvalidRecordError for an answer that is not an integer in 0..10 (row and value named), or, with a
 *   `field`, an element that is not a record (null, a number)
 * @throws InvalidOptionsError for an unknown or invalid option, or `answers` that is not an array
 * @throws InsufficientDataError when no answer is left
 * @example
 * ```ts
 * netPromoterScore([10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5, 9, 0, 10, 7, 9, 9, 4, 10]);
 * // => { score: 30, promoters: 11, passives: 4, detractors: 5, standardError: 18.84..., lower: -6.93..., upper: 66.93..., ... }
 * ```
 */
export function netPromoterScore<T = number>(
  answers: readonly T[],
  options: NetPromoterScoreOptions<T> = {},
): NetPromoterScoreResult {
  const parsed = withDefaults(checkOptions(NAME, netPromoterScoreShape, options), { level: 0.95 });
  const field = parsed.field as Field<T> | undefined;
  if (field !== undefined) assertRecordArray(answers, NAME, "answers");
  else if (!Array.isArray(answers)) {
    throw argumentError(NAME, "answers", "expected an array of answers", answers);
  }
  const read = field === undefined ? (answer: T) => answer as unknown : resolveField(field, "field").read;
  const label = typeof field === "string" ? field : field === undefined ? "answer" : "field (accessor)";
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let skipped = 0;
  for (let i = 0; i < answers.length; i++) {
    let value = read(answers[i] as T, i);
    if (
      value === null ||
      value === undefined ||
      value === "" ||
      (typeof value === "number" && Number.isNaN(value))
    ) {
      skipped++;
      continue;
    }
    if (typeof value === "string") value = parseDecimal(value);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
      throw new InvalidRecordError(
        NAME,
        i,
        label,
        read(answers[i] as T, i),
        "expected an integer answer from 0 to 10",
      );
    }
    if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  const count = promoters + passives + detractors;
  if (count === 0) throw new InsufficientDataError(NAME, `no answers to score (${skipped} missing)`);
  const promoterShare = promoters / count;
  const detractorShare = detractors / count;
  const difference = promoterShare - detractorShare;
  const standardError =
    100 * Math.sqrt(Math.max(0, promoterShare + detractorShare - difference * difference) / count);
  const z = normalQuantile(1 - (1 - parsed.level) / 2);
  const score = (100 * (promoters - detractors)) / count;
  return withDisplay(
    {
      score,
      count,
      skipped,
      promoters,
      passives,
      detractors,
      promoterShare,
      passiveShare: passives / count,
      detractorShare,
      standardError,
      lower: Math.max(-100, score - z * standardError),
      upper: Math.min(100, score + z * standardError),
      level: parsed.level,
    },
    {
      title: "Net Promoter Score",
      summary: (r) => [
        `NPS ${r.score.toFixed(1)} (${Math.round(r.level * 100)}% CI ${r.lower.toFixed(1)} to ${r.upper.toFixed(1)}) from ${r.count} answers`,
      ],
      rows: (r) => [
        { group: "promoters (9-10)", answers: r.promoters, share: r.promoterShare },
        { group: "passives (7-8)", answers: r.passives, share: r.passiveShare },
        { group: "detractors (0-6)", answers: r.detractors, share: r.detractorShare },
      ],
    },
  );
}
