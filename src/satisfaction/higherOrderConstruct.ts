import { InvalidOptionsError, type OptionIssue } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, oneOf, required } from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import { checked, constructName } from "./internal/optionRules.js";
import { checkRowsAndModel, rescaleInto, rowsWithColumns, usedRowsColumn } from "./internal/plsPrepare.js";
import { type PlsPathModelOptions, type PlsPathModelPath, plsPathModel } from "./plsPathModel.js";

/**
 * Options of {@link higherOrderConstruct}.
 *
 * @example
 * ```ts
 * // Perception, a second-order construct of Quality and Value, explaining Satisfaction (a part of ECSI)
 * const { Quality, Value, Satisfaction } = ECSI_MODEL.blocks;
 * const PERCEPTION_MODEL = { blocks: { Quality, Value, Satisfaction }, paths: [{ from: "Perception", to: "Satisfaction" }] };
 * higherOrderConstruct(mobi, PERCEPTION_MODEL, { name: "Perception", dimensions: ["Quality", "Value"] }).options;
 * // => { name: "Perception", dimensions: ["Quality", "Value"], approach: "repeatedIndicators", mode: "A" }
 * ```
 */
export interface HigherOrderConstructOptions {
  /** Name of the higher-order construct; the model's paths refer to it. */
  readonly name: string;
  /** Its lower-order constructs (blocks of the model, at least two), which no path of the model may mention. */
  readonly dimensions: readonly string[];
  /**
   * `"repeatedIndicators"`: the higher-order construct is measured by copies of all its dimensions' items and
   * points to each dimension (Lohmöller 1989; Becker, Klein & Wetzels 2012). `"twoStage"` (embedded two-stage):
   * the repeated-indicators model is estimated, and the dimensions' scores become the higher-order construct's
   * indicators in a model without the dimensions (Ringle et al. 2012; Sarstedt et al. 2019), needed when the
   * higher-order construct is endogenous or formative.
   * @defaultValue "repeatedIndicators"
   */
  readonly approach?: "repeatedIndicators" | "twoStage";
  /** Outer mode of the higher-order construct: `"A"` (reflective-reflective) or `"B"` (reflective-formative). @defaultValue "A" */
  readonly mode?: "A" | "B";
}

/**
 * Result of {@link higherOrderConstruct}: rows and a model ready for {@link plsPathModel}.
 *
 * @example
 * ```ts
 * // Perception, a second-order construct of Quality and Value, explaining Satisfaction (a part of ECSI)
 * const { Quality, Value, Satisfaction } = ECSI_MODEL.blocks;
 * const PERCEPTION_MODEL = { blocks: { Quality, Value, Satisfaction }, paths: [{ from: "Perception", to: "Satisfaction" }] };
 * const hoc = higherOrderConstruct(mobi, PERCEPTION_MODEL, { name: "Perception", dimensions: ["Quality", "Value"], approach: "twoStage" });
 * hoc.model.blocks.Perception; // => ["Perception: Quality", "Perception: Value"]
 * ```
 */
export interface HigherOrderConstructResult<T> {
  /** Copies of the rows with the added columns (repeated items, or dimension scores; null for dropped rows). */
  readonly rows: readonly (T & Record<string, number | null>)[];
  /** The model to estimate. */
  readonly model: PlsPathModelOptions;
  /** The indicators of the higher-order construct in `model`. */
  readonly indicators: readonly string[];
  /** The resolved options. */
  readonly options: Required<HigherOrderConstructOptions>;
}

const NAME = "higherOrderConstruct";

/**
 * Rules of higherOrderConstruct's options. Exported for the equivalence test of satisfaction's option
 * rules; not in the module index.
 */
export const higherOrderConstructShape = {
  name: /* @__PURE__ */ required(/* @__PURE__ */ constructName()),
  dimensions: /* @__PURE__ */ required(
    /* @__PURE__ */ checked<string[]>("an array", (dimensions, report) => {
      if (!Array.isArray(dimensions)) return report(undefined, dimensions);
      dimensions.forEach((name: unknown, i) => {
        if (typeof name !== "string") report(expected("a string", name), name, [i]);
        else if (name === "") report("must be a non-empty construct name", name, [i]);
      });
      if (dimensions.length < 2) report("a higher-order construct needs at least two dimensions", dimensions);
    }),
  ),
  approach: /* @__PURE__ */ oneOf(["repeatedIndicators", "twoStage"]),
  mode: /* @__PURE__ */ oneOf(["A", "B"]),
};

/**
 * Builds a model with a higher-order (hierarchical) construct for {@link plsPathModel}, e.g. a second-order
 * "quality" made of product, service and price dimensions. The input model holds the dimensions as ordinary
 * blocks and uses the higher-order construct's name in its structural paths; no path may mention a dimension.
 *
 * - `"repeatedIndicators"`: every item of every dimension is repeated (copied into a column named
 *   `${name}: ${item}`) as an indicator of the higher-order construct, which gets a path to each dimension. When
 *   the higher-order construct is endogenous, its antecedents can hardly explain it (its dimensions explain its
 *   whole variance): use `"twoStage"` then.
 * - `"twoStage"` (embedded): stage 1 estimates the repeated-indicators model; the dimensions' standardised scores
 *   (columns `${name}: ${dimension}`, mapped linearly into the answer scale as {@link interactionTerm} does)
 *   become the indicators of the higher-order construct, and the dimensions leave the model. Rows dropped in
 *   stage 1 (`missing: "listwise"`) get null.
 *
 * `mode` sets the higher-order block's outer mode ("B" for a formative higher-order construct, which calls for
 * `"twoStage"`).
 *
 * References: Becker, Klein & Wetzels (2012), Hierarchical latent variable models in PLS-SEM, Long Range
 * Planning 45(5-6); Sarstedt, Hair, Cheah, Becker & Ringle (2019), How to specify, estimate, and validate
 * higher-order constructs in PLS-SEM, Australasian Marketing Journal 27(3).
 *
 * @param rows - survey answers (not mutated: the result holds copies)
 * @param model - the options of {@link plsPathModel}, with the dimensions as blocks and the higher-order
 *   construct's name (not a block) in its paths
 * @param options - see {@link HigherOrderConstructOptions}
 * @throws InvalidOptionsError for an unknown dimension, a name already used, a path mentioning a dimension, or a
 *   model that is invalid once the higher-order construct is added
 * @throws InvalidRecordError, InsufficientDataError as {@link plsPathModel} (stage 1 of `"twoStage"`)
 * @example
 * ```ts
 * // ECSI with Quality and Value as dimensions of a second-order "Perception": ECSI_MODEL's blocks, and its
 * // paths with "Perception" in place of Quality and Value
 * const PERCEPTION_MODEL = {
 *   blocks: ECSI_MODEL.blocks,
 *   paths: [
 *     { from: "Image", to: "Expectation" }, { from: "Image", to: "Satisfaction" }, { from: "Image", to: "Loyalty" },
 *     { from: "Expectation", to: "Perception" }, { from: "Expectation", to: "Satisfaction" },
 *     { from: "Perception", to: "Satisfaction" }, { from: "Satisfaction", to: "Complaints" },
 *     { from: "Satisfaction", to: "Loyalty" }, { from: "Complaints", to: "Loyalty" },
 *   ],
 *   scale: { min: 1, max: 10 },
 * };
 * const hoc = higherOrderConstruct(mobi, PERCEPTION_MODEL, { name: "Perception", dimensions: ["Quality", "Value"] });
 * const fit = plsPathModel(hoc.rows, hoc.model);
 * fit.pathCoefficients.find((p) => p.from === "Perception" && p.to === "Satisfaction"); // => { from: "Perception", to: "Satisfaction", estimate: 0.6424 }
 * ```
 */
export function higherOrderConstruct<T extends object>(
  rows: readonly T[],
  model: PlsPathModelOptions,
  options: HigherOrderConstructOptions,
): HigherOrderConstructResult<T> {
  const parsed = withDefaults(checkOptions(NAME, higherOrderConstructShape, options), {
    approach: "repeatedIndicators",
    mode: "A",
  });
  checkRowsAndModel(NAME, rows, model);
  const { name, dimensions } = parsed;
  const issues: OptionIssue[] = [];
  if (name in model.blocks)
    issues.push({ path: "name", message: "a block of the model already has this name", received: name });
  dimensions.forEach((dimension, index) => {
    if (!(dimension in model.blocks))
      issues.push({ path: `dimensions.${index}`, message: "not a block of the model", received: dimension });
    if (dimensions.indexOf(dimension) !== index)
      issues.push({ path: `dimensions.${index}`, message: "listed twice", received: dimension });
  });
  model.paths.forEach((path, index) => {
    for (const end of [path.from, path.to]) {
      if (dimensions.includes(end))
        issues.push({
          path: `paths.${index}`,
          message: `path mentions the dimension "${end}"; connect the higher-order construct "${name}" instead`,
          received: path,
        });
    }
  });
  if (!model.paths.some((p) => p.from === name || p.to === name))
    issues.push({
      path: "paths",
      message: `no path mentions "${name}"; give it its structural relations`,
      received: name,
    });
  if (issues.length > 0) throw new InvalidOptionsError(NAME, issues);

  const repeated: string[] = [];
  const source: string[] = [];
  for (const dimension of dimensions)
    for (const item of model.blocks[dimension] as readonly string[]) {
      repeated.push(`${name}: ${item}`);
      source.push(item);
    }
  const mode = { ...(model.mode ?? {}), ...(parsed.mode === "B" ? { [name]: "B" as const } : {}) };
  const repeatedPaths: PlsPathModelPath[] = [
    ...model.paths.map((p) => ({ from: p.from, to: p.to })),
    ...dimensions.map((dimension) => ({ from: name, to: dimension })),
  ];
  const repeatedRows = rows.map((row) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    source.forEach((item, j) => {
      copy[repeated[j] as string] = (row as Record<string, unknown>)[item];
    });
    return copy as T & Record<string, number | null>;
  });
  const repeatedModel: PlsPathModelOptions = {
    ...model,
    blocks: { ...model.blocks, [name]: repeated },
    paths: repeatedPaths,
    ...(Object.keys(mode).length > 0 ? { mode } : {}),
  };
  const resolvedOptions = { name, dimensions: [...dimensions], approach: parsed.approach, mode: parsed.mode };
  if (parsed.approach === "repeatedIndicators") {
    return { rows: repeatedRows, model: repeatedModel, indicators: repeated, options: resolvedOptions };
  }
  // Stage 1 in mode A for the higher-order block (the repeated items are reflective of it in any case).
  const stage1 = plsPathModel(repeatedRows, {
    ...repeatedModel,
    mode: Object.fromEntries(Object.entries(mode).filter(([key]) => key !== name)),
  });
  const scale = stage1.scale;
  const indicators = dimensions.map((dimension) => `${name}: ${dimension}`);
  const columns = dimensions.map((dimension) => {
    const scores = stage1.scores[dimension] as Float64Array;
    const column = usedRowsColumn(rows.length, stage1.rowsUsed, (r) => scores[r] as number);
    rescaleInto(column, scale);
    return column;
  });
  const outRows = rowsWithColumns(rows, indicators, columns);
  const blocks = Object.fromEntries(
    Object.entries(model.blocks).filter(([key]) => !dimensions.includes(key)),
  );
  const stage2Mode = Object.fromEntries(Object.entries(mode).filter(([key]) => !dimensions.includes(key)));
  const outModel: PlsPathModelOptions = {
    ...model,
    blocks: { ...blocks, [name]: indicators },
    paths: model.paths.map((p) => ({ from: p.from, to: p.to })),
    scale,
    ...(Object.keys(stage2Mode).length > 0 ? { mode: stage2Mode } : {}),
  };
  if (Object.keys(stage2Mode).length === 0) delete (outModel as { mode?: unknown }).mode;
  return { rows: outRows, model: outModel, indicators, options: resolvedOptions };
}
