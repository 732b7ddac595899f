import {
  assertRecordArray,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  type OptionIssue,
  readNumbers,
  withDisplay,
} from "../core/index.js";
import {
  checkOptions,
  flag,
  listOf,
  nested,
  nonEmptyText,
  numeric,
  type OptionRule,
  required,
  union,
} from "../core/internal/optionRules.js";

/**
 * An answer scale.
 *
 * @example
 * ```ts
 * const scale: SatisfactionIndexScale = { min: 1, max: 5 };
 * satisfactionIndex([{ q: 4 }], { scale, constructs: [{ name: "c", indicators: [{ name: "i", items: ["q"] }] }] }).index;
 * // => 75 (100 · (4 − 1) / (5 − 1))
 * ```
 */
export interface SatisfactionIndexScale {
  readonly min: number;
  readonly max: number;
}

/**
 * A questionnaire item (level 4).
 *
 * @example
 * ```ts
 * const waiting: SatisfactionIndexItem = { field: "waiting", scale: { min: 1, max: 5 }, reverse: true };
 * satisfactionIndex([{ waiting: 2 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "service", indicators: [{ name: "speed", items: [waiting] }] }],
 * }).index; // => 75 (2 on 1-5 is 25, reversed 75)
 * ```
 */
export interface SatisfactionIndexItem {
  /** Column of the item in the responses. */
  readonly field: string;
  /** Relative weight within its indicator. @defaultValue 1 */
  readonly weight?: number;
  /** The item's answer scale. @defaultValue the hierarchy's `scale` */
  readonly scale?: SatisfactionIndexScale;
  /** The item is worded negatively (a high answer is bad): its 0-100 score is reversed. @defaultValue false */
  readonly reverse?: boolean;
}

/**
 * An indicator (level 3): one or more items.
 *
 * @example
 * ```ts
 * const responses = [{ q1: 10, q2: 7, q3: 6 }, { q1: 8, q2: 4, q3: 9 }];
 * const overall: SatisfactionIndexIndicator = { name: "overall", weight: 2, items: ["q1", { field: "q2", weight: 3 }] };
 * satisfactionIndex(responses, {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [overall, { name: "staff", items: ["q3"] }] }],
 * }).constructs[0].indicators.map((i) => [i.name, i.weight, i.index]);
 * // => [["overall", 0.6667, 59.72], ["staff", 0.3333, 72.22]] (59.72 = 88.89 / 4 + 50 · 3 / 4)
 * ```
 */
export interface SatisfactionIndexIndicator {
  readonly name: string;
  /** Relative weight within its construct. @defaultValue 1 */
  readonly weight?: number;
  /** Items, as field names or {@link SatisfactionIndexItem}s. */
  readonly items: readonly (string | SatisfactionIndexItem)[];
}

/**
 * A construct (level 2), e.g. perceived quality.
 *
 * @example
 * ```ts
 * const responses = [{ q1: 10, q2: 7, q3: 6 }, { q1: 8, q2: 4, q3: 9 }];
 * const quality: SatisfactionIndexConstruct = { name: "quality", weight: 3, indicators: [{ name: "overall", items: ["q1"] }] };
 * const result = satisfactionIndex(responses, {
 *   scale: { min: 1, max: 10 },
 *   constructs: [quality, { name: "value", indicators: [{ name: "price", items: ["q2"] }] }],
 * });
 * result.constructs.map((c) => [c.name, c.weight, c.index]); // => [["quality", 0.75, 88.89], ["value", 0.25, 50]]
 * result.index; // => 79.17
 * ```
 */
export interface SatisfactionIndexConstruct {
  readonly name: string;
  /** Relative weight in the overall index. @defaultValue 1 */
  readonly weight?: number;
  readonly indicators: readonly SatisfactionIndexIndicator[];
}

/**
 * The declared hierarchy of {@link satisfactionIndex}.
 *
 * @example
 * ```ts
 * const result = satisfactionIndex([{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
 * });
 * result.index; // => 69.44
 * ```
 */
export interface SatisfactionIndexHierarchy {
  /** Default answer scale of the items, e.g. `{ min: 1, max: 10 }`. */
  readonly scale: SatisfactionIndexScale;
  /** Level-2 constructs (the ACSI/ECSI six: expectation, perceived quality, perceived value, satisfaction, complaints, loyalty). */
  readonly constructs: readonly SatisfactionIndexConstruct[];
}

/**
 * Scores of one item.
 *
 * @example
 * ```ts
 * const result = satisfactionIndex([{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
 * });
 * result.constructs[0].indicators[0].items[0];
 * // => { field: "q1", weight: 0.5, mean: 9, index: 88.89, answered: 2, missing: 0 }
 * ```
 */
export interface SatisfactionIndexItemScore {
  readonly field: string;
  /** Normalised weight within the indicator (weights sum to 1). */
  readonly weight: number;
  /** Mean answer on the item's own scale. */
  readonly mean: number;
  /** Mean answer rescaled to 0-100 (reversed when `reverse`). */
  readonly index: number;
  readonly answered: number;
  /** Missing answers skipped. */
  readonly missing: number;
}

/**
 * Scores of one indicator.
 *
 * @example
 * ```ts
 * const result = satisfactionIndex([{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
 * });
 * const { name, weight, index } = result.constructs[0].indicators[0];
 * [name, weight, index]; // => ["overall", 1, 69.44]
 * ```
 */
export interface SatisfactionIndexIndicatorScore {
  readonly name: string;
  readonly weight: number;
  readonly index: number;
  readonly items: readonly SatisfactionIndexItemScore[];
}

/**
 * Scores of one construct.
 *
 * @example
 * ```ts
 * const result = satisfactionIndex([{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
 * });
 * const { name, weight, index } = result.constructs[0];
 * [name, weight, index]; // => ["quality", 1, 69.44]
 * ```
 */
export interface SatisfactionIndexConstructScore {
  readonly name: string;
  readonly weight: number;
  readonly index: number;
  readonly indicators: readonly SatisfactionIndexIndicatorScore[];
}

/**
 * Result of {@link satisfactionIndex}.
 *
 * @example
 * ```ts
 * const result = satisfactionIndex([{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }], {
 *   scale: { min: 1, max: 10 },
 *   constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
 * });
 * [result.index, result.respondents, result.respondentIndex]; // => [69.44, 2, [83.33, 55.56]]
 * ```
 */
export interface SatisfactionIndexResult {
  /** Level 1: the overall 0-100 index. */
  readonly index: number;
  readonly constructs: readonly SatisfactionIndexConstructScore[];
  /** Number of responses read. */
  readonly respondents: number;
  /**
   * The overall 0-100 index of each response (same order as the input), from its own rescaled answers.
   * Where a respondent skipped items, the weights are renormalised over what they answered (within the
   * indicator, then the construct, then overall); `null` when they answered none of the items.
   */
  readonly respondentIndex: readonly (number | null)[];
}

const NAME = "satisfactionIndex";
/** A scale's bounds; once they are numbers (and no other key is wrong), max must be above min. */
const scaleBounds = /* @__PURE__ */ nested({
  min: /* @__PURE__ */ required(/* @__PURE__ */ numeric({})),
  max: /* @__PURE__ */ required(/* @__PURE__ */ numeric({})),
});
const scale: OptionRule<SatisfactionIndexScale, true> = {
  ...scaleBounds,
  check: (value, report) => {
    // max above min is checked once both are numbers and nothing but an unknown key (a named issue) is wrong
    let wellFormed = true;
    const bounds = scaleBounds.check(value, (message, received, path, named) => {
      if (named !== true) wellFormed = false;
      report(message, received, path, named);
    });
    if (wellFormed && !(bounds.max > bounds.min)) report("max must be greater than min", bounds);
    return bounds;
  },
};
const weight = /* @__PURE__ */ numeric({ gte: 0, messages: { gte: "weights must be non-negative" } });
/** A name or a field: a non-empty string ("Too small: expected string to have >=1 characters"). */
const nonEmpty = /* @__PURE__ */ nonEmptyText();
const item = /* @__PURE__ */ union<string | SatisfactionIndexItem>(
  nonEmpty,
  /* @__PURE__ */ nested({
    field: /* @__PURE__ */ required(nonEmpty),
    weight,
    scale,
    reverse: /* @__PURE__ */ flag(),
  }),
);

/**
 * Rules of satisfactionIndex's hierarchy. Exported for the equivalence test of satisfaction's option
 * rules; not in the module index.
 */
export const satisfactionIndexShape = {
  scale: /* @__PURE__ */ required(scale),
  constructs: /* @__PURE__ */ required(
    /* @__PURE__ */ listOf(
      /* @__PURE__ */ nested({
        name: /* @__PURE__ */ required(nonEmpty),
        weight,
        indicators: /* @__PURE__ */ required(
          /* @__PURE__ */ listOf(
            /* @__PURE__ */ nested({
              name: /* @__PURE__ */ required(nonEmpty),
              weight,
              items: /* @__PURE__ */ required(
                /* @__PURE__ */ listOf(item, { min: 1, message: "an indicator needs at least one item" }),
              ),
            }),
            { min: 1, message: "a construct needs at least one indicator" },
          ),
        ),
      }),
      { min: 1, message: "the hierarchy needs at least one construct" },
    ),
  ),
};

/** Weights over their sum, computed relative to the largest so that weights near 1e308 cannot overflow. */
function normalise(weights: readonly (number | undefined)[], path: string, issues: OptionIssue[]): number[] {
  const given = weights.map((w) => w ?? 1);
  const largest = Math.max(...given);
  const values = largest > 0 ? given.map((w) => w / largest) : given;
  const total = values.reduce((s, w) => s + w, 0);
  if (!(total > 0)) {
    issues.push({
      path,
      message: "the weights of a group are all zero; give at least one a positive weight",
    });
    return values.map(() => 0);
  }
  return values.map((w) => w / total);
}

/**
 * The customer satisfaction index as a declared hierarchy (the ACSI/ECSI layout of the source material):
 * level 4 questionnaire items are averaged over respondents and rescaled to 0-100 from their scale,
 * 100 · (mean − min) / (max − min) (100 minus that for a reversed item); level 3 indicators, level 2
 * constructs and the level 1 overall index are weighted means of the level below, with the given weights
 * normalised to sum to 1 within each group (equal weights when none are given). For weights estimated from
 * the data use {@link plsPathModel}'s `index` instead.
 *
 * Missing answers (null, undefined, "", NaN) are skipped per item and counted in `missing`; an item with no
 * answer at all is an error. Responses are not mutated.
 *
 * Reference: Fornell, Johnson, Anderson, Cha & Bryant (1996), The American Customer Satisfaction Index,
 * Journal of Marketing 60(4); ECSI Technical Committee (1998), European Customer Satisfaction Index.
 *
 * @param responses - one record per respondent
 * @param hierarchy - see {@link SatisfactionIndexHierarchy}
 * @throws InvalidOptionsError for a malformed hierarchy, negative or all-zero weights, a bad scale
 * @throws InvalidRecordError for a non-numeric answer or one outside its item's scale, or a response that is
 *   not a record (null, a number)
 * @throws InsufficientDataError for no responses, or an item nobody answered
 * @example
 * ```ts
 * satisfactionIndex(
 *   [{ q1: 10, q2: 7 }, { q1: 8, q2: 4 }],
 *   { scale: { min: 1, max: 10 }, constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }] },
 * ).index;
 * // => 69.444... (q1 mean 9 → 100 · 8/9 = 88.9, q2 mean 5.5 → 50, equal weights)
 * ```
 */
export function satisfactionIndex<T extends object>(
  responses: readonly T[],
  hierarchy: SatisfactionIndexHierarchy,
): SatisfactionIndexResult {
  const parsed = checkOptions(NAME, satisfactionIndexShape, hierarchy);
  assertRecordArray(responses, NAME, "responses");
  if (responses.length === 0) throw new InsufficientDataError(NAME, "no responses");
  const issues: OptionIssue[] = [];
  const constructWeights = normalise(
    parsed.constructs.map((c) => c.weight),
    "constructs",
    issues,
  );
  const plan = parsed.constructs.map((construct, ci) => {
    const indicatorWeights = normalise(
      construct.indicators.map((ind) => ind.weight),
      `constructs.${ci}.indicators`,
      issues,
    );
    return construct.indicators.map((indicator, ii) => {
      const items = indicator.items.map((item) => (typeof item === "string" ? { field: item } : item));
      const itemWeights = normalise(
        items.map((item) => item.weight),
        `constructs.${ci}.indicators.${ii}.items`,
        issues,
      );
      return { indicator, indicatorWeight: indicatorWeights[ii] as number, items, itemWeights };
    });
  });
  if (issues.length > 0) throw new InvalidOptionsError(NAME, issues);

  const cache = new Map<string, SatisfactionIndexItemScore>();
  const rescaledColumns = new Map<string, Float64Array>();
  const scoreItem = (
    item: { field: string; scale?: SatisfactionIndexScale | undefined; reverse?: boolean | undefined },
    weight: number,
  ) => {
    const scale = item.scale ?? parsed.scale;
    const key = `${item.field}|${scale.min}|${scale.max}|${item.reverse === true}`;
    let base = cache.get(key);
    if (base === undefined) {
      const values = readNumbers(responses as readonly Record<string, unknown>[], item.field, {
        functionName: NAME,
        optionName: item.field,
        missing: "nan",
      });
      let sum = 0;
      let answered = 0;
      const rescaledColumn = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as number;
        if (Number.isNaN(value)) {
          rescaledColumn[i] = NaN;
          continue;
        }
        const share = (100 * (value - scale.min)) / (scale.max - scale.min);
        rescaledColumn[i] = item.reverse === true ? 100 - share : share;
        if (value < scale.min || value > scale.max) {
          throw new InvalidRecordError(
            NAME,
            i,
            item.field,
            (responses[i] as Record<string, unknown>)[item.field],
            `expected an answer within the item's scale ${scale.min}..${scale.max}`,
          );
        }
        sum += value;
        answered++;
      }
      if (answered === 0) {
        throw new InsufficientDataError(
          NAME,
          `item "${item.field}" has no answer in any of ${responses.length} responses; check the field name`,
        );
      }
      rescaledColumns.set(key, rescaledColumn);
      const mean = sum / answered;
      const rescaled = (100 * (mean - scale.min)) / (scale.max - scale.min);
      base = {
        field: item.field,
        weight: 0,
        mean,
        index: item.reverse === true ? 100 - rescaled : rescaled,
        answered,
        missing: responses.length - answered,
      };
      cache.set(key, base);
    }
    return { ...base, weight, key };
  };

  const keys: string[][][] = [];
  const constructs: SatisfactionIndexConstructScore[] = parsed.constructs.map((construct, ci) => {
    const constructKeys: string[][] = [];
    keys.push(constructKeys);
    const indicators = (plan[ci] ?? []).map(({ indicator, indicatorWeight, items, itemWeights }) => {
      const scored = items.map((item, k) => scoreItem(item, itemWeights[k] as number));
      constructKeys.push(scored.map((item) => item.key));
      const index = scored.reduce((s, item) => s + item.weight * item.index, 0);
      return {
        name: indicator.name,
        weight: indicatorWeight,
        index,
        items: scored.map(({ key: _key, ...rest }) => rest),
      };
    });
    const index = indicators.reduce((s, ind) => s + ind.weight * ind.index, 0);
    return { name: construct.name, weight: constructWeights[ci] as number, index, indicators };
  });
  const index = constructs.reduce((s, c) => s + c.weight * c.index, 0);

  // Per respondent: weighted means over what was answered, level by level.
  const respondentIndex: (number | null)[] = new Array(responses.length);
  for (let i = 0; i < responses.length; i++) {
    let overall = 0;
    let overallWeight = 0;
    constructs.forEach((construct, ci) => {
      let constructSum = 0;
      let constructWeight = 0;
      construct.indicators.forEach((indicator, ii) => {
        let sum = 0;
        let weight = 0;
        indicator.items.forEach((item, k) => {
          const value = (rescaledColumns.get(keys[ci]?.[ii]?.[k] as string) as Float64Array)[i] as number;
          if (Number.isNaN(value)) return;
          sum += item.weight * value;
          weight += item.weight;
        });
        if (weight > 0) {
          constructSum += indicator.weight * (sum / weight);
          constructWeight += indicator.weight;
        }
      });
      if (constructWeight > 0) {
        overall += construct.weight * (constructSum / constructWeight);
        overallWeight += construct.weight;
      }
    });
    respondentIndex[i] = overallWeight > 0 ? overall / overallWeight : null;
  }
  return withDisplay(
    { index, constructs, respondents: responses.length, respondentIndex },
    {
      title: "Customer satisfaction index",
      summary: (r) => [`Overall index ${r.index.toFixed(1)} / 100 from ${r.respondents} responses`],
      rows: (r) =>
        r.constructs.flatMap((c) => [
          { level: 2, name: c.name, weight: c.weight, index: c.index },
          ...c.indicators.map((ind) => ({
            level: 3,
            name: `  ${ind.name}`,
            weight: ind.weight,
            index: ind.index,
          })),
        ]),
      maxRows: 40,
    },
  );
}
