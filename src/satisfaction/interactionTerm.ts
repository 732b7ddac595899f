import { InvalidOptionsError } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, oneOf, required } from "../core/internal/optionRules.js";
import { constructName } from "./internal/optionRules.js";
import { answerColumn } from "./internal/plsData.js";
import { checkRowsAndModel, rescaleInto, rowsWithColumns, usedRowsColumn } from "./internal/plsPrepare.js";
import { resolvePlsModel } from "./internal/plsSpec.js";
import { type PlsPathModelOptions, plsPathModel } from "./plsPathModel.js";

/**
 * Options of {@link interactionTerm}.
 *
 * @example
 * ```ts
 * interactionTerm(mobi, ECSI_MODEL, { predictor: "Image", moderator: "Expectation", target: "Satisfaction" }).options;
 * // => { predictor: "Image", moderator: "Expectation", target: "Satisfaction", approach: "twoStage", name: "Image x Expectation" }
 * ```
 */
export interface InteractionTermOptions {
  /** The construct whose effect is moderated. */
  readonly predictor: string;
  /** The moderating construct. */
  readonly moderator: string;
  /** The construct both point to. */
  readonly target: string;
  /**
   * `"twoStage"`: estimate the main-effects model, then use the product of the predictor's and the
   * moderator's standardised scores as the single indicator of the interaction (Chin, Marcolin & Newsted 2003's
   * successor, Henseler & Chin 2010; seminr's and SmartPLS's default). `"productIndicator"`: every product of a
   * standardised predictor item with a standardised moderator item is an indicator of the interaction (Chin,
   * Marcolin & Newsted 2003); meant for reflective (mode A) blocks.
   * @defaultValue "twoStage"
   */
  readonly approach?: "twoStage" | "productIndicator";
  /** Name of the interaction construct. @defaultValue `${predictor} x ${moderator}` */
  readonly name?: string;
}

/**
 * Result of {@link interactionTerm}: rows and a model ready for {@link plsPathModel}.
 *
 * @example
 * ```ts
 * const { model, indicators } = interactionTerm(mobi, ECSI_MODEL, {
 *   predictor: "Image", moderator: "Expectation", target: "Satisfaction",
 * });
 * [indicators, model.paths.at(-1)]; // => [["Image x Expectation"], { from: "Image x Expectation", to: "Satisfaction" }]
 * ```
 */
export interface InteractionTermResult<T> {
  /**
   * Copies of the rows with the interaction indicator columns added (null where an answer is missing), each
   * mapped linearly into the model's answer scale (see {@link interactionTerm}).
   */
  readonly rows: readonly (T & Record<string, number | null>)[];
  /** The model with the interaction block and its path to the target (and the moderator's main effect, if it was missing). */
  readonly model: PlsPathModelOptions;
  /** The names of the added indicator columns. */
  readonly indicators: readonly string[];
  /** The resolved options. */
  readonly options: Required<InteractionTermOptions>;
}

const NAME = "interactionTerm";

/**
 * Rules of interactionTerm's options. Exported for the equivalence test of satisfaction's option rules;
 * not in the module index.
 */
export const interactionTermShape = {
  predictor: /* @__PURE__ */ required(/* @__PURE__ */ constructName()),
  moderator: /* @__PURE__ */ required(/* @__PURE__ */ constructName()),
  target: /* @__PURE__ */ required(/* @__PURE__ */ constructName()),
  approach: /* @__PURE__ */ oneOf(["twoStage", "productIndicator"]),
  name: /* @__PURE__ */ constructName(),
};

/** Mean and sample SD (n − 1) of the finite values of a column. */
function moments(column: Float64Array): { mean: number; sd: number } {
  let count = 0;
  let sum = 0;
  for (const value of column) {
    if (Number.isNaN(value)) continue;
    count++;
    sum += value;
  }
  const mean = sum / count;
  let squares = 0;
  for (const value of column) if (!Number.isNaN(value)) squares += (value - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (count - 1)) };
}

/** Smallest and largest answer over the given items (what plsPathModel uses when there is no scale). */
function observedScale(rows: readonly object[], items: readonly string[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const item of items) {
    const column = answerColumn(NAME, rows, item);
    for (const value of column) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return { min, max };
}

/**
 * Builds a moderation (interaction) model for {@link plsPathModel}: adds the interaction construct
 * `predictor x moderator` with a path to `target` (and the moderator's direct path to the target when the model
 * lacks it: an interaction is only interpretable beside both main effects), and writes its indicator
 * columns into copies of the rows. Estimate the returned model on the returned rows; the interaction's path
 * coefficient is the change in the predictor's effect for one SD more of the moderator.
 *
 * - `"twoStage"` (default): stage 1 estimates `model` (with the main effects) by plsPathModel; the interaction's
 *   only indicator is the product of the predictor's and the moderator's standardised scores. Works with
 *   formative blocks too; rows dropped by `missing: "listwise"` in stage 1 get null.
 * - `"productIndicator"`: the items of both blocks are standardised (mean 0, sample SD 1, over the answered
 *   rows) and every predictor item × moderator item product is an indicator named `item1*item2`; a product is
 *   null when either answer is missing.
 *
 * plsPathModel checks every answer against one `scale`, so each new column is mapped linearly into the model's
 * scale (or, without one, the observed range of the model's items, which the returned model then states as its
 * scale). PLS standardises every indicator, so this changes no estimate; the interaction's own 0-100 index is
 * meaningless and the other constructs' indexes are unchanged.
 *
 * References: Chin, Marcolin & Newsted (2003), Information Systems Research 14(2); Henseler & Chin (2010),
 * A comparison of approaches for the analysis of interaction effects between latent variables using PLS path
 * modeling, Structural Equation Modeling 17(1); Hair et al. (2022), A Primer on PLS-SEM, ch. 7.
 *
 * @param rows - survey answers (not mutated: the result holds copies)
 * @param model - the main-effects model (the options of {@link plsPathModel})
 * @param options - see {@link InteractionTermOptions}
 * @throws InvalidOptionsError for an unknown construct, a name already used, no path predictor -> target, or a
 *   bad model
 * @throws InvalidRecordError, InsufficientDataError as {@link plsPathModel} (stage 1)
 * @example
 * ```ts
 * const moderated = interactionTerm(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }, {
 *   predictor: "Image", moderator: "Expectation", target: "Satisfaction",
 * });
 * const fit = plsPathModel(moderated.rows, moderated.model);
 * fit.pathCoefficients.find((p) => p.from === "Image x Expectation"); // => { from: "Image x Expectation", to: "Satisfaction", estimate: -0.0203 }
 * ```
 */
export function interactionTerm<T extends object>(
  rows: readonly T[],
  model: PlsPathModelOptions,
  options: InteractionTermOptions,
): InteractionTermResult<T> {
  const parsed = withDefaults(checkOptions(NAME, interactionTermShape, options), { approach: "twoStage" });
  checkRowsAndModel(NAME, rows, model);
  const { predictor, moderator, target } = parsed;
  const name = parsed.name ?? `${predictor} x ${moderator}`;
  const constructs = Object.keys(model.blocks ?? {});
  const issues: { path: string; message: string; received: unknown }[] = [];
  for (const [key, value] of [
    ["predictor", predictor],
    ["moderator", moderator],
    ["target", target],
  ] as const) {
    if (!constructs.includes(value))
      issues.push({
        path: key,
        message: `unknown construct; expected one of ${constructs.join(", ")}`,
        received: value,
      });
  }
  if (constructs.includes(name))
    issues.push({ path: "name", message: "a construct of the model already has this name", received: name });
  if (new Set([predictor, moderator, target]).size < 3)
    issues.push({
      path: "moderator",
      message: "predictor, moderator and target must be three different constructs",
      received: moderator,
    });
  if (issues.length === 0 && !model.paths.some((p) => p.from === predictor && p.to === target))
    issues.push({
      path: "predictor",
      message: `the model has no path ${predictor} -> ${target} to moderate; add it`,
      received: predictor,
    });
  if (issues.length > 0) throw new InvalidOptionsError(NAME, issues);

  const paths = model.paths.map((p) => ({ from: p.from, to: p.to }));
  if (!paths.some((p) => p.from === moderator && p.to === target))
    paths.push({ from: moderator, to: target });
  // The main-effects model must be valid on its own (the same checks as plsPathModel).
  resolvePlsModel(NAME, { ...model, paths });
  const columns: Record<string, (number | null)[]> = {};
  if (parsed.approach === "productIndicator") {
    const standardised = (items: readonly string[]) =>
      items.map((item) => {
        const column = answerColumn(NAME, rows, item);
        const { mean, sd } = moments(column);
        return { item, values: column.map((v) => (v - mean) / sd) };
      });
    const left = standardised(model.blocks[predictor] as readonly string[]);
    const right = standardised(model.blocks[moderator] as readonly string[]);
    for (const a of left)
      for (const b of right) {
        const product: (number | null)[] = [];
        for (let i = 0; i < rows.length; i++) {
          const value = (a.values[i] as number) * (b.values[i] as number);
          product.push(Number.isNaN(value) ? null : value);
        }
        columns[`${a.item}*${b.item}`] = product;
      }
  } else {
    const stage1 = plsPathModel(rows, { ...model, paths });
    const x = stage1.scores[predictor] as Float64Array;
    const w = stage1.scores[moderator] as Float64Array;
    columns[name] = usedRowsColumn(rows.length, stage1.rowsUsed, (r) => (x[r] as number) * (w[r] as number));
  }
  const indicators = Object.keys(columns);
  // plsPathModel checks every answer against one scale and computes the 0-100 index from it: map each new
  // column linearly into the model's scale (or the observed range of its items). PLS standardises every
  // indicator, so no estimate changes; only the interaction's own index is meaningless.
  const modelItems = Object.values(model.blocks).flat();
  const scale = model.scale ?? observedScale(rows, modelItems);
  for (const item of indicators) rescaleInto(columns[item] as (number | null)[], scale);
  const taken = new Set(modelItems);
  const clash = indicators.find((item) => taken.has(item));
  if (clash !== undefined)
    throw argumentError(NAME, "name", `column "${clash}" is already an indicator of the model`, clash);
  const outRows = rowsWithColumns(
    rows,
    indicators,
    indicators.map((item) => columns[item] as (number | null)[]),
  );
  const outModel: PlsPathModelOptions = {
    ...model,
    scale,
    blocks: { ...model.blocks, [name]: indicators },
    paths: [...paths, { from: name, to: target }],
  };
  return {
    rows: outRows,
    model: outModel,
    indicators,
    options: { predictor, moderator, target, approach: parsed.approach, name },
  };
}
