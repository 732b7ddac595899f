import { formatTable, InvalidOptionsError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, custom } from "../core/internal/optionRules.js";
import type { BootstrapResult } from "./bootstrap.js";
import type { PlsPathModelResult } from "./plsPathModel.js";

/**
 * Options of {@link plsSummary}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const boot = bootstrap(model, mobi, { seed: 42 });
 * plsSummary(model, { bootstrap: boot }).paths[0].lower; // => 0.4041
 * ```
 */
export interface PlsSummaryOptions {
  /**
   * A {@link bootstrap} of the same model: adds standard errors, t values and intervals to the paths,
   * and HTMT intervals. @defaultValue none (estimates only)
   */
  readonly bootstrap?: BootstrapResult;
}

/**
 * One structural path of {@link plsSummary}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * plsSummary(model).paths[0];
 * // => { from: "Image", to: "Expectation", estimate: 0.5049, fSquared: 0.3422, innerVif: 1 }
 * ```
 */
export interface PlsSummaryPath {
  readonly from: string;
  readonly to: string;
  readonly estimate: number;
  readonly fSquared: number;
  /** VIF of `from` among the predecessors of `to`. */
  readonly innerVif: number;
  /** With a bootstrap only. */
  readonly standardError?: number;
  readonly tValue?: number;
  readonly lower?: number;
  readonly upper?: number;
}

/** A square matrix as rows: `construct` then one column per construct (`null` above the diagonal). */
export type PlsSummaryMatrixRow = { readonly construct: string } & Readonly<
  Record<string, number | string | null>
>;

/**
 * Result of {@link plsSummary}: every table a PLS-SEM report needs (Hair et al. 2019), as rows of plain
 * records. Prints all of them in a REPL.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const summary = plsSummary(model);
 * summary.reliability.find((r) => r.construct === "Satisfaction");
 * // => { construct: "Satisfaction", mode: "A", cronbachAlpha: 0.7792, rhoA: 0.7891, rhoC: 0.8713, averageVarianceExtracted: 0.6931 }
 * ```
 */
export interface PlsSummaryResult {
  /** One line about the estimation: rows, constructs, iterations, scheme, PLS or PLSc. */
  readonly overview: string;
  /** Path coefficients with f², inner VIF and (with a bootstrap) their intervals, in the model's order. */
  readonly paths: readonly PlsSummaryPath[];
  /** R² and adjusted R² of every endogenous construct. */
  readonly rSquared: readonly {
    readonly construct: string;
    readonly rSquared: number;
    readonly adjustedRSquared: number;
  }[];
  /** Reliability and convergent validity per construct. */
  readonly reliability: readonly {
    readonly construct: string;
    readonly mode: "A" | "B";
    readonly cronbachAlpha: number;
    readonly rhoA: number;
    readonly rhoC: number;
    readonly averageVarianceExtracted: number;
  }[];
  /** Outer weights, loadings and outer VIF of every indicator. */
  readonly indicators: readonly {
    readonly construct: string;
    readonly indicator: string;
    readonly weight: number;
    readonly loading: number;
    readonly outerVif: number;
  }[];
  /** HTMT below the diagonal (1 on it). */
  readonly htmt: readonly PlsSummaryMatrixRow[];
  /** HTMT2 below the diagonal (1 on it). */
  readonly htmt2: readonly PlsSummaryMatrixRow[];
  /** Bootstrap intervals of the HTMT of every pair (with a bootstrap), else empty. */
  readonly htmtIntervals: readonly {
    readonly from: string;
    readonly to: string;
    readonly estimate: number;
    readonly lower: number;
    readonly upper: number;
  }[];
  /** Fornell-Larcker: sqrt(AVE) on the diagonal, construct correlations below it. */
  readonly fornellLarcker: readonly PlsSummaryMatrixRow[];
  /** Each indicator's correlation with every construct score (`construct` is the indicator's own). */
  readonly crossLoadings: readonly ({ readonly indicator: string; readonly construct: string } & Readonly<
    Record<string, number | string>
  >)[];
  /** Total effects. */
  readonly totalEffects: readonly { readonly from: string; readonly to: string; readonly estimate: number }[];
  /** The 0-100 index of every construct. */
  readonly index: readonly { readonly construct: string; readonly index: number }[];
}

const NAME = "plsSummary";

/**
 * Rules of plsSummary's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const plsSummaryShape = {
  bootstrap: /* @__PURE__ */ custom<BootstrapResult>("a result of bootstrap", (value) =>
    typeof value === "object" && value !== null && "paths" in value && "htmt" in value
      ? undefined
      : "expected a result of bootstrap",
  ),
};

/**
 * Gathers every table of a PLS path model report, as seminr's and SmartPLS's summaries do: structural
 * paths with f², inner VIF and (given a {@link bootstrap}) standard errors and intervals; R²; reliability
 * (alpha, rhoA, rhoC, AVE); weights, loadings and outer VIF; discriminant validity by HTMT, HTMT2 (with
 * bootstrap intervals when given), Fornell-Larcker and cross-loadings; total effects; the 0-100 index.
 * Values are the model's own (no recomputation); in a REPL the result prints every table.
 *
 * @param model - a result of {@link plsPathModel}
 * @param options - see {@link PlsSummaryOptions}
 * @returns the tables as arrays of records
 * @throws InvalidOptionsError when `model` is not a plsPathModel result, or the bootstrap belongs to
 *   another model (its paths differ)
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } });
 * const summary = plsSummary(model, { bootstrap: bootstrap(model, mobi, { seed: 42 }) });
 * summary.paths[0];
 * // => { from: "Image", to: "Expectation", estimate: 0.5049, fSquared: 0.3422, innerVif: 1,
 * //      standardError: 0.0568, tValue: 8.90, lower: 0.4041, upper: 0.6240 }
 * summary.htmt[2]; // => { construct: "Quality", Image: 0.9287, Expectation: 0.8783, Quality: 1, Value: null, ... }
 * ```
 */
export function plsSummary(model: PlsPathModelResult, options: PlsSummaryOptions = {}): PlsSummaryResult {
  const parsed = checkOptions(NAME, plsSummaryShape, options);
  if (
    model === null ||
    typeof model !== "object" ||
    !("constructs" in model) ||
    !("pathCoefficients" in model) ||
    !("htmt2" in model)
  ) {
    throw argumentError(NAME, "model", "expected a result of plsPathModel", model);
  }
  const boot = parsed.bootstrap;
  if (
    boot !== undefined &&
    (boot.paths.length !== model.pathCoefficients.length ||
      boot.paths.some(
        (p, r) =>
          p.from !== model.pathCoefficients[r]?.from ||
          p.to !== model.pathCoefficients[r]?.to ||
          p.estimate !== model.pathCoefficients[r]?.estimate,
      ))
  ) {
    throw new InvalidOptionsError(NAME, [
      {
        path: "bootstrap",
        message:
          "the bootstrap belongs to another model (its path estimates differ); pass bootstrap(model, rows)",
      },
    ]);
  }
  const { constructs } = model;
  const innerVifOf = (from: string, to: string) => model.innerVif[to]?.[from] as number;
  const paths: PlsSummaryPath[] = model.pathCoefficients.map((path, r) => {
    const row = {
      from: path.from,
      to: path.to,
      estimate: path.estimate,
      fSquared: model.fSquared[r]?.value as number,
      innerVif: innerVifOf(path.from, path.to),
    };
    const b = boot?.paths[r];
    return b === undefined
      ? row
      : { ...row, standardError: b.standardError, tValue: b.tValue, lower: b.lower, upper: b.upper };
  });
  const lowerTriangle = (
    matrix: Readonly<Record<string, Readonly<Record<string, number | null>>>>,
  ): PlsSummaryMatrixRow[] =>
    constructs.map((name, j) => ({
      construct: name,
      ...Object.fromEntries(
        constructs.map((other, k) => [other, k <= j ? (matrix[name]?.[other] ?? null) : null]),
      ),
    }));
  const mode = model.options.mode;
  const result: PlsSummaryResult = {
    overview: `${model.observations} rows, ${constructs.length} constructs, ${model.iterations} iterations (${model.converged ? "converged" : "NOT converged"}), scheme ${model.options.scheme}, ${model.options.consistent ? "consistent PLS (PLSc)" : "PLS"}, f² by ${model.options.fSquaredMethod === "reestimate" ? "re-estimation" : "fixed scores"}`,
    paths,
    rSquared: Object.keys(model.rSquared).map((construct) => ({
      construct,
      rSquared: model.rSquared[construct] as number,
      adjustedRSquared: model.adjustedRSquared[construct] as number,
    })),
    reliability: constructs.map((construct) => ({
      construct,
      mode: mode[construct] ?? "A",
      ...(model.reliability[construct] as PlsPathModelResult["reliability"][string]),
    })),
    indicators: constructs.flatMap((construct) =>
      Object.keys(model.outerWeights[construct] ?? {}).map((indicator) => ({
        construct,
        indicator,
        weight: model.outerWeights[construct]?.[indicator] as number,
        loading: model.loadings[construct]?.[indicator] as number,
        outerVif: model.outerVif[construct]?.[indicator] as number,
      })),
    ),
    htmt: lowerTriangle(model.htmt),
    htmt2: lowerTriangle(model.htmt2),
    htmtIntervals: (boot?.htmt ?? []).map((h) => ({
      from: h.from,
      to: h.to,
      estimate: h.estimate,
      lower: h.lower,
      upper: h.upper,
    })),
    fornellLarcker: lowerTriangle(model.fornellLarcker),
    crossLoadings: constructs.flatMap((construct) =>
      Object.keys(model.loadings[construct] ?? {}).map((indicator) => ({
        indicator,
        construct,
        ...(model.crossLoadings[indicator] as Readonly<Record<string, number>>),
      })),
    ),
    totalEffects: model.totalEffects.map((e) => ({ from: e.from, to: e.to, estimate: e.estimate })),
    index: constructs.map((construct) => ({ construct, index: model.index[construct] as number })),
  };
  const section = (title: string, rows: readonly object[]) =>
    rows.length === 0 ? [] : ["", title, formatTable(rows, { maxRows: 1000 })];
  // withDisplay prints the title, the summary lines, then `rows`: the measurement-model tables go into the
  // summary lines and the structural paths come last, in the order of Hair et al.'s (2019) guidelines.
  return withDisplay(result, {
    title: "PLS path model summary",
    summary: (r) => [
      r.overview,
      ...section("Indicators (outer weights, loadings, outer VIF)", r.indicators),
      ...section("Reliability and convergent validity", r.reliability),
      ...section("HTMT (absolute item correlations)", r.htmt),
      ...section("HTMT2 (geometric means)", r.htmt2),
      ...section("HTMT bootstrap intervals", r.htmtIntervals),
      ...section("Fornell-Larcker (sqrt(AVE) on the diagonal)", r.fornellLarcker),
      ...section("Cross-loadings", r.crossLoadings),
      ...section("R²", r.rSquared),
      ...section("Total effects", r.totalEffects),
      ...section("Index (0-100)", r.index),
      "",
      "Structural paths",
    ],
    rows: (r) => r.paths,
    maxRows: 1000,
  });
}
