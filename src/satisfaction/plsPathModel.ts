import { InsufficientDataError, withDisplay } from "../core/index.js";
import {
  createWorkspace,
  estimatePls,
  type PlsSpec,
  rSquaredWithout,
  totalEffects,
} from "./internal/plsCore.js";
import { answerScale, preparePlsData } from "./internal/plsPrepare.js";
import { htmtMatrix, innerVif, outerVif } from "./internal/plsQuality.js";
import { resolvePlsModel } from "./internal/plsSpec.js";

/**
 * A structural path `from -> to` between two constructs.
 *
 * @example
 * ```ts
 * const path: PlsPathModelPath = { from: "Image", to: "Expectation" };
 * ECSI_MODEL.paths.some((p) => p.from === path.from && p.to === path.to); // => true
 * ```
 */
export interface PlsPathModelPath {
  readonly from: string;
  readonly to: string;
}

/**
 * Options of {@link plsPathModel}.
 *
 * @example
 * ```ts
 * const options: PlsPathModelOptions = { ...ECSI_MODEL, scale: { min: 1, max: 10 } };
 * const { scheme, maxIterations, tolerance, missing } = plsPathModel(mobi, options).options;
 * [scheme, maxIterations, tolerance, missing]; // => ["path", 300, 1e-7, "mean"]
 * ```
 */
export interface PlsPathModelOptions {
  /** Indicator columns per construct (the measurement model); other columns of the rows are ignored. */
  readonly blocks: Readonly<Record<string, readonly string[]>>;
  /** The structural model. Any order; it must be acyclic, and every construct needs at least one path. */
  readonly paths: readonly PlsPathModelPath[];
  /**
   * Inner weighting scheme: `"path"` (Lohmöller: regression weights for predecessors, correlations for
   * successors), `"factorial"` (correlations) or `"centroid"` (signs of the correlations).
   * @defaultValue "path"
   */
  readonly scheme?: "path" | "factorial" | "centroid";
  /** Outer estimation mode per construct: `"A"` (reflective, correlation weights) or `"B"` (formative, regression weights). @defaultValue "A" for every block */
  readonly mode?: Readonly<Record<string, "A" | "B">>;
  /**
   * Answer scale of the items, for the 0-100 index and the range check (answers outside it are errors).
   * @defaultValue the smallest and largest answer observed over all indicators (no range check)
   */
  readonly scale?: { readonly min: number; readonly max: number };
  /** Iterations of the outer/inner loop before giving up (the result then says `converged: false`). @defaultValue 300 */
  readonly maxIterations?: number;
  /** Stop when no outer weight changes by more than this between iterations. @defaultValue 1e-7 */
  readonly tolerance?: number;
  /**
   * Missing answers (null, undefined, "" or NaN): `"mean"` replaces each by its indicator's mean (as seminr
   * does; counted in `imputedValues`), `"listwise"` drops the row (counted in `droppedRows`).
   * @defaultValue "mean"
   */
  readonly missing?: "mean" | "listwise";
  /**
   * Consistent PLS (PLSc, Dijkstra & Henseler 2015): treat every mode A block as a common factor
   * (reflective) and correct for its measurement error: construct correlations are divided by
   * sqrt(rhoA_j · rhoA_k), path coefficients, R² and f² come from the corrected correlations, and loadings
   * become w · sqrt(rhoA) / (w'w). Mode B blocks and single items are composites and stay uncorrected.
   * Scores, weights, HTMT and the index are those of plain PLS. As seminr's `estimate_pls` with
   * `reflective()` constructs (which applies its `PLSc`). @defaultValue false
   */
  readonly consistent?: boolean;
  /**
   * With `consistent`, the constructs to treat as common factors; the other mode A constructs stay
   * composites (uncorrected, as cSEM's composite constructs; seminr corrects the correlations of mode A
   * composites too when a model has a reflective construct). Each must be a mode A construct; a non-empty
   * list without `consistent` is an error. @defaultValue every mode A construct
   */
  readonly reflective?: readonly string[];
  /**
   * How `fSquared` gets R² without a path: `"scores"` regresses the construct on its other predecessors
   * using the same construct scores (cheap; what plspm-style LM reasoning gives), `"reestimate"`
   * re-estimates the whole model without the path (the weights change too), as seminr's `fSquared` and
   * SmartPLS do. @defaultValue "scores"
   */
  readonly fSquaredMethod?: "scores" | "reestimate";
}

/**
 * A path with its estimate.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * model.totalEffects.find((e) => e.from === "Quality" && e.to === "Satisfaction");
 * // => { from: "Quality", to: "Satisfaction", estimate: 0.6208 }
 * ```
 */
export interface PlsPathModelCoefficient {
  readonly from: string;
  readonly to: string;
  readonly estimate: number;
}

/**
 * Reliability and convergent validity of one block.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * model.reliability.Satisfaction;
 * // => { cronbachAlpha: 0.7792, rhoA: 0.7891, rhoC: 0.8713, averageVarianceExtracted: 0.6931 }
 * ```
 */
export interface PlsPathModelReliability {
  /** Cronbach's alpha of the standardised items: k/(k−1) · (1 − k / Σ R). 1 for a single item. */
  readonly cronbachAlpha: number;
  /** Dijkstra-Henseler rhoA from the outer weights. 1 for a single item. */
  readonly rhoA: number;
  /** Composite reliability (Σλ)² / ((Σλ)² + Σ(1 − λ²)). */
  readonly rhoC: number;
  /** Average variance extracted: mean of the squared loadings. */
  readonly averageVarianceExtracted: number;
}

/**
 * Result of {@link plsPathModel}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * [model.observations, model.iterations, model.converged]; // => [250, 6, true]
 * model.rSquared.Satisfaction; // => 0.6811
 * model.index.Satisfaction; // => 72.45
 * ```
 */
export interface PlsPathModelResult {
  /** Constructs in the order of `blocks`. */
  readonly constructs: readonly string[];
  /** Standardised outer weights (construct scores have unit sample variance). */
  readonly outerWeights: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Loadings: correlation of each indicator with its construct score (under `consistent`, the consistent
   * loadings w · sqrt(rhoA) / (w'w) of the reflective blocks).
   */
  readonly loadings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Path coefficients (standardised OLS per endogenous construct, on the disattenuated construct
   * correlations under `consistent`), in the order of `options.paths`.
   */
  readonly pathCoefficients: readonly PlsPathModelCoefficient[];
  /** R² of every endogenous construct (exogenous constructs are absent). */
  readonly rSquared: Readonly<Record<string, number>>;
  /** Adjusted R²: 1 − (1 − R²)(n − 1)/(n − q − 1), q predecessors. */
  readonly adjustedRSquared: Readonly<Record<string, number>>;
  /** Construct scores (standardised, mean 0, unit sample variance), one value per row used. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** Iterations run. */
  readonly iterations: number;
  /** Whether the weights changed by less than `tolerance` within `maxIterations`. */
  readonly converged: boolean;
  /** Reliability per block. Meaningful for mode A blocks; computed the same way for mode B. */
  readonly reliability: Readonly<Record<string, PlsPathModelReliability>>;
  /**
   * Heterotrait-monotrait ratio for every pair of constructs (1 on the diagonal), from absolute item
   * correlations: the mean |r| between the two blocks over the geometric mean of the mean |r| within each
   * block (a single-item block counts 1). `null` for a pair where a block's items are all exactly
   * uncorrelated (mean |r| within it is 0, so the ratio is undefined).
   */
  readonly htmt: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
  /**
   * Fornell-Larcker matrix: sqrt(AVE) on the diagonal, construct correlations elsewhere (under `consistent`,
   * the AVE of the consistent loadings and the disattenuated correlations).
   */
  readonly fornellLarcker: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * HTMT2 (Roemer, Schuberth & Henseler 2021): as `htmt` but with geometric instead of arithmetic means of
   * the absolute item correlations (1 on the diagonal; `null` when a monotrait mean is 0). Equal to cSEM's
   * `calculateHTMT(.type_htmt = "htmt2")` when every item correlation is positive; cSEM works on signed
   * correlations and cannot compute it when their signs differ, while |r| keeps it finite.
   */
  readonly htmt2: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
  /**
   * Cross-loadings: for every indicator (outer key), its correlation with every construct score (inner
   * key); on its own construct that is its loading. Score correlations also under `consistent` (as seminr
   * reports them), where `loadings` holds the corrected loadings instead.
   */
  readonly crossLoadings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Outer VIF of every indicator within its block, 1 / (1 − R²) of the item on the block's other items
   * (1 for a single item; Infinity for perfectly collinear items). Shaped like `loadings`. Read it for
   * mode B (formative) blocks; values above 3-5 signal collinearity (Hair et al. 2019).
   */
  readonly outerVif: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Inner VIF of every predecessor (inner key) of every endogenous construct (outer key), from the
   * construct correlations the paths were estimated on (1 for a single predecessor).
   */
  readonly innerVif: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Correlations between construct scores (under `consistent`, the disattenuated correlations the paths
   * were estimated from).
   */
  readonly constructCorrelations: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Cohen's f² of every path: (R²_with − R²_without) / (1 − R²_with); R²_without from the same construct
   * scores or from the model re-estimated without the path (`fSquaredMethod`). When the
   * predecessors reproduce the construct exactly (R² = 1 up to rounding, e.g. two blocks of the same items)
   * it is huge or Infinity (0 when the path adds nothing), never NaN: a sign of duplicated constructs, not of
   * a strong effect.
   */
  readonly fSquared: readonly { readonly from: string; readonly to: string; readonly value: number }[];
  /** Total (direct + indirect) effects for every pair connected by a directed route. */
  readonly totalEffects: readonly PlsPathModelCoefficient[];
  /** The 0-100 index of every construct (Fornell et al. 1996). */
  readonly index: Readonly<Record<string, number>>;
  /** Rows used in the estimation. */
  readonly observations: number;
  /** Index into the input rows of each row used (row i of `scores`). */
  readonly rowsUsed: Int32Array;
  /** Answers replaced by their indicator mean (`missing: "mean"`). */
  readonly imputedValues: number;
  /** Rows dropped (`missing: "listwise"`). */
  readonly droppedRows: number;
  /** The answer scale used for the index. */
  readonly scale: { readonly min: number; readonly max: number };
  /** The resolved options. */
  readonly options: Required<Omit<PlsPathModelOptions, "scale">> & {
    /** The constructs consistent PLS corrected (empty without `consistent`). */
    readonly reflective: readonly string[];
    readonly scale?: { readonly min: number; readonly max: number };
  };
}

const NAME = "plsPathModel";

/**
 * Estimates a PLS path model (partial least squares structural equation model, composite based) by
 * Wold's algorithm in Lohmöller's form, as seminr, plspm and SmartPLS do: indicators are standardised with
 * the sample standard deviation (divisor n − 1); outer weights start at 1; each iteration forms the inner
 * estimate of every construct from its neighbours (path, factorial or centroid scheme), updates the outer
 * weights by mode A (covariances) or mode B (multiple regression), and rescales them so each construct score
 * has unit variance; it stops when no weight moves by more than `tolerance`. Path coefficients are then OLS
 * regressions of each endogenous construct on its predecessors, loadings are indicator-score correlations.
 *
 * Quality measures: Cronbach's alpha (standardised items), rhoA (Dijkstra & Henseler 2015), rhoC
 * (composite reliability), AVE, HTMT (Henseler, Ringle & Sarstedt 2015, on absolute item correlations as
 * seminr, cSEM and SmartPLS compute it, so reverse-coded items need no recoding for it; a single-item block
 * counts its monotrait correlation as 1), HTMT2 (Roemer, Schuberth & Henseler 2021: geometric means of the
 * same absolute correlations), Fornell-Larcker, cross-loadings, outer VIF (per indicator within its block)
 * and inner VIF (per predecessor of each endogenous construct), f² (on the fixed scores, or by re-estimating
 * the model without the path as seminr and SmartPLS do: `fSquaredMethod`) and total effects. Bootstrap
 * intervals for the paths and the HTMT come from {@link bootstrap}; {@link plsSummary} lays every table out.
 * The 0-100 index, unlike HTMT, assumes every item points the same way: recode reverse-coded items
 * (max + min − answer) before estimating.
 *
 * Mode B (formative) blocks take `mode: { Name: "B" }` and mix freely with mode A blocks. `consistent: true`
 * gives consistent PLS (PLSc; Dijkstra & Henseler 2015) for the mode A (reflective) blocks: the score
 * correlations are disattenuated by rhoA before the path regressions. Checked against seminr 2.3.4 (mode A,
 * mixed A/B, PLSc, mixed PLSc) to 1e-9 on the ECSI data.
 *
 * The 0-100 index follows Fornell et al. (1996) as SmartPLS reports it: u_i = (w_i / sd_i) / Σ_j (w_j / sd_j)
 * with w the standardised outer weights and sd the sample SD of the item; index = 100 (Σ u_i mean_i − min) /
 * (max − min), with `scale` giving min and max.
 *
 * The paths may be given in any order (they are topologically sorted; a cycle is an error). Rows are not
 * mutated. Complexity: O(n p²) to build the correlation matrix, then O(iterations · p²) independent of n.
 *
 * References: Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), PLS path modeling, CSDA 48, 159-205;
 * Lohmöller (1989), Latent Variable Path Modeling with Partial Least Squares; Fornell et al. (1996), The
 * American Customer Satisfaction Index, Journal of Marketing 60(4); Dijkstra & Henseler (2015), Consistent
 * partial least squares path modeling, MIS Quarterly 39(2); Henseler, Ringle & Sarstedt (2015), JAMS 43;
 * Roemer, Schuberth & Henseler (2021), HTMT2, Industrial Management & Data Systems 121(12); Hair, Risher,
 * Sarstedt & Ringle (2019), When to use and how to report the results of PLS-SEM, EBR 31(1).
 *
 * @param rows - survey answers, one record per respondent
 * @param options - see {@link PlsPathModelOptions}
 * @returns the estimated model; prints as a table of path coefficients in a REPL
 * @throws InvalidOptionsError for unknown constructs in paths or mode, an indicator in two blocks, a construct
 *   without paths, duplicate or self paths, a cycle, or a bad scheme/mode/scale/tolerance
 * @throws InvalidRecordError for a non-numeric answer, an answer outside `scale`, or an indicator column with
 *   no answer at all (naming row, indicator and value)
 * @throws InsufficientDataError for too few rows (at least 3, and more than the largest number of predecessors
 *   + 1 and than every mode B block), a zero-variance indicator, a singular (collinear) system, a reflective
 *   block with rhoA ≤ 0 under `consistent`, or (with `fSquaredMethod: "reestimate"`) a model that cannot be
 *   estimated without one of its paths
 * @example
 * ```ts
 * // mobi: the ECSI mobile-phone survey (250 rows, items IMAG1..CUSL3 on 1-10); ECSI_MODEL: its 7 blocks, 12 paths
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } });
 * model.pathCoefficients[0]; // => { from: "Image", to: "Expectation", estimate: 0.5049 }
 * model.rSquared.Satisfaction; // => 0.6811
 * model.index.Satisfaction; // => 72.45
 * model.reliability.Satisfaction; // => { cronbachAlpha: 0.7792, rhoA: 0.7891, rhoC: 0.8713, averageVarianceExtracted: 0.6931 }
 * model.htmt.Quality.Satisfaction; // => 0.9536
 * model.htmt2.Quality.Satisfaction; // => 0.9506
 * model.outerVif.Quality.PERQ1; // => 2.027
 * model.innerVif.Satisfaction; // => { Image: 2.372, Expectation: 1.489, Quality: 2.842, Value: 1.551 }
 *
 * // consistent PLS, f² by re-estimation (seminr's figures)
 * const plsc = plsPathModel(mobi, { ...ECSI_MODEL, consistent: true, fSquaredMethod: "reestimate" });
 * plsc.pathCoefficients[0]; // => { from: "Image", to: "Expectation", estimate: 0.8633 }
 * plsc.fSquared[1]; // => { from: "Image", to: "Satisfaction", value: 0.0357 }
 * ```
 */
export function plsPathModel<T extends object>(
  rows: readonly T[],
  options: PlsPathModelOptions,
): PlsPathModelResult {
  const model = resolvePlsModel(NAME, options);
  const data = preparePlsData(NAME, rows, model);
  const { spec, constructs, indicators } = model;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const n = data.matrix.rowCount;
  const work = createWorkspace(spec);
  const failure = estimatePls(spec, data.correlation, work);
  if (failure !== undefined) {
    throw new InsufficientDataError(
      NAME,
      work.inadmissible
        ? "consistent PLS needs rhoA > 0 for every reflective block, and a block here has rhoA <= 0 (items that do not measure one factor); check its items or estimate without consistent"
        : failure === "singular"
          ? "a regression in the model is singular (perfectly collinear constructs or mode B indicators); remove a redundant indicator or path"
          : "a construct score has zero variance; check its indicators",
    );
  }
  const parsed = model.options;
  const weights = work.weights;
  const c = work.constructCorrelation;
  const blockOf = (k: number) => {
    const list: number[] = [];
    for (let a = spec.blockStart[k] as number; a < (spec.blockStart[k + 1] as number); a++) list.push(a);
    return list;
  };
  const perBlock = (values: Float64Array) =>
    Object.fromEntries(
      constructs.map((name, k) => [
        name,
        Object.fromEntries(blockOf(k).map((a) => [indicators[a], values[a] as number])),
      ]),
    );
  const matrixRecord = <V>(value: (j: number, k: number) => V) =>
    Object.fromEntries(
      constructs.map((name, j) => [
        name,
        Object.fromEntries(constructs.map((other, k) => [other, value(j, k)])),
      ]),
    );

  const pathCoefficients = model.pathIndex.map(([from, to]) => ({
    from: constructs[from] as string,
    to: constructs[to] as string,
    estimate: work.paths[from * m + to] as number,
  }));
  const rSquared: Record<string, number> = {};
  const adjustedRSquared: Record<string, number> = {};
  const innerVifRecord: Record<string, Record<string, number>> = {};
  const fSquared: { from: string; to: string; value: number }[] = [];
  for (let j = 0; j < m; j++) {
    const pred = spec.predecessors[j] as Int32Array;
    if (pred.length === 0) continue;
    const r2 = work.rSquared[j] as number;
    const name = constructs[j] as string;
    rSquared[name] = r2;
    adjustedRSquared[name] = 1 - ((1 - r2) * (n - 1)) / (n - pred.length - 1);
    const vif = innerVif(spec, c, j);
    innerVifRecord[name] = Object.fromEntries(
      Array.from(pred, (k, r) => [constructs[k] as string, vif[r] as number]),
    );
  }
  for (const [from, to] of model.pathIndex) {
    const r2 = work.rSquared[to] as number;
    const without =
      parsed.fSquaredMethod === "reestimate"
        ? rSquaredReestimated(spec, data.correlation, from, to)
        : rSquaredWithout(spec, work, to, from);
    if (Number.isNaN(without)) {
      throw new InsufficientDataError(
        NAME,
        `the model without the path ${constructs[from]} -> ${constructs[to]} cannot be estimated (singular or not admissible), so its f² is undefined; use fSquaredMethod: "scores"`,
      );
    }
    fSquared.push({
      from: constructs[from] as string,
      to: constructs[to] as string,
      // R² = 1 exactly: Infinity if the path adds explained variance, 0 if not (never 0/0)
      value: r2 < 1 ? (r2 - without) / (1 - r2) : r2 - without > 0 ? Infinity : 0,
    });
  }
  const total = totalEffects(work.paths, m);
  const totalList: PlsPathModelCoefficient[] = [];
  for (const i of model.order) {
    for (const j of model.order) {
      const value = total[i * m + j] as number;
      if (value !== 0)
        totalList.push({ from: constructs[i] as string, to: constructs[j] as string, estimate: value });
    }
  }

  // Scores: standardised indicators times weights.
  const scores: Record<string, Float64Array> = {};
  const values = data.matrix.values;
  constructs.forEach((name, k) => {
    const column = new Float64Array(n);
    const block = blockOf(k);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const a of block)
        sum +=
          (((values[i * p + a] as number) - (data.mean[a] as number)) / (data.sd[a] as number)) *
          (weights[a] as number);
      column[i] = sum;
    }
    scores[name] = column;
  });

  // Reliability.
  const S = data.correlation;
  const reliability: Record<string, PlsPathModelReliability> = {};
  const ave = new Float64Array(m);
  constructs.forEach((name, k) => {
    const block = blockOf(k);
    const size = block.length;
    let sumR = 0;
    for (const a of block)
      for (const b of block) {
        sumR += S[a * p + b] as number;
      }
    const cronbachAlpha = size === 1 ? 1 : (size / (size - 1)) * (1 - size / sumR);
    let sumLoading = 0;
    let sumSquared = 0;
    for (const a of block) {
      const l = work.loadings[a] as number;
      sumLoading += l;
      sumSquared += l * l;
    }
    const rhoC = (sumLoading * sumLoading) / (sumLoading * sumLoading + (size - sumSquared));
    ave[k] = sumSquared / size;
    // rhoA as the kernel computed it from the final weights (blockRhoA)
    reliability[name] = {
      cronbachAlpha,
      rhoA: work.rhoA[k] as number,
      rhoC,
      averageVarianceExtracted: ave[k] as number,
    };
  });
  // HTMT on absolute correlations (seminr, cSEM and SmartPLS do the same), so a reverse-coded item
  // neither changes it nor makes the monotrait mean negative.
  const htmtValues = new Float64Array(m * m);
  htmtMatrix(spec, S, false, htmtValues);
  const htmt = matrixRecord((j, k): number | null => finiteOrNull(htmtValues[j * m + k] as number));
  htmtMatrix(spec, S, true, htmtValues);
  const htmt2 = matrixRecord((j, k): number | null => finiteOrNull(htmtValues[j * m + k] as number));
  const crossLoadings = Object.fromEntries(
    indicators.map((indicator, a) => [
      indicator,
      Object.fromEntries(constructs.map((name, k) => [name, work.cov[a * m + k] as number])),
    ]),
  );
  const outerVifValues = outerVif(spec, S);
  const fornellLarcker = matrixRecord((j, k) =>
    j === k ? Math.sqrt(ave[j] as number) : (c[j * m + k] as number),
  );
  const constructCorrelations = matrixRecord((j, k) => (j === k ? 1 : (c[j * m + k] as number)));

  // Index (Fornell et al. 1996).
  const scale = answerScale(data, model);
  const { min, max } = scale;
  const index: Record<string, number> = {};
  constructs.forEach((name, k) => {
    let sumU = 0;
    let weighted = 0;
    for (const a of blockOf(k)) {
      const u = (weights[a] as number) / (data.sd[a] as number);
      sumU += u;
      weighted += u * (data.mean[a] as number);
    }
    index[name] = (100 * (weighted / sumU - min)) / (max - min);
  });

  const resolvedOptions: PlsPathModelResult["options"] = {
    blocks: parsed.blocks,
    paths: model.paths,
    scheme: parsed.scheme,
    mode: Object.fromEntries(constructs.map((name) => [name, parsed.mode[name] ?? "A"])),
    maxIterations: parsed.maxIterations,
    tolerance: parsed.tolerance,
    missing: parsed.missing,
    consistent: parsed.consistent,
    reflective: model.reflective,
    fSquaredMethod: parsed.fSquaredMethod,
    ...(parsed.scale === undefined ? {} : { scale: parsed.scale }),
  };
  const result: PlsPathModelResult = {
    constructs,
    outerWeights: perBlock(weights),
    loadings: perBlock(work.loadings),
    pathCoefficients,
    rSquared,
    adjustedRSquared,
    scores,
    iterations: work.iterations,
    converged: work.converged,
    reliability,
    htmt,
    htmt2,
    crossLoadings,
    outerVif: perBlock(outerVifValues),
    innerVif: innerVifRecord,
    fornellLarcker,
    constructCorrelations,
    fSquared,
    totalEffects: totalList,
    index,
    observations: n,
    rowsUsed: data.matrix.rowsUsed,
    imputedValues: data.matrix.imputedValues,
    droppedRows: data.matrix.droppedRows,
    scale,
    options: resolvedOptions,
  };
  return withDisplay(result, {
    title: "PLS path model",
    summary: (r) => [
      `${r.observations} rows, ${r.constructs.length} constructs, ${r.iterations} iterations (${r.converged ? "converged" : "NOT converged"}), scheme ${r.options.scheme}`,
      `R²: ${Object.entries(r.rSquared)
        .map(([name, value]) => `${name} ${value.toFixed(3)}`)
        .join(", ")}`,
      `Index (0-100): ${Object.entries(r.index)
        .map(([name, value]) => `${name} ${value.toFixed(1)}`)
        .join(", ")}`,
    ],
    rows: (r) => r.pathCoefficients,
    maxRows: 30,
  });
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * R² of construct `to` when the model is re-estimated without the path from -> to (NaN when that model
 * cannot be estimated). 0 when `to` has no other predecessor. A construct left without any path keeps its
 * unit starting weights and does not influence the others.
 */
function rSquaredReestimated(spec: PlsSpec, correlation: Float64Array, from: number, to: number): number {
  const predecessors = spec.predecessors.map((list, j) => (j === to ? list.filter((k) => k !== from) : list));
  if ((predecessors[to] as Int32Array).length === 0) return 0;
  const successors = spec.successors.map((list, j) => (j === from ? list.filter((k) => k !== to) : list));
  const reduced: PlsSpec = { ...spec, predecessors, successors };
  const work = createWorkspace(reduced);
  if (estimatePls(reduced, correlation, work) !== undefined) return NaN;
  return work.rSquared[to] as number;
}
