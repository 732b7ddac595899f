/** Shared helpers of the repeat-purchase (BG/NBD, Pareto/NBD) charts. */
import type { RepeatBuyingFit } from "../../value/index.js";
import { hasShape, refuseResult } from "./spec.js";

/** The summary columns the lifetime charts read (`repeatPurchaseSummary` or `calibrationHoldoutSummary`). */
export interface LifetimeSummary {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly options: { readonly timeUnit: string };
}

/** A fitted BG/NBD or Pareto/NBD model. */
export type LifetimeModel = RepeatBuyingFit<object>;

/** True for a fitted repeat-buying model (`fitBgNbd`, `fitParetoNbd`). */
export function isLifetimeModel(value: unknown): value is LifetimeModel {
  return hasShape(value, "params{} probabilityAlive() expectedPurchases() conditionalExpectedPurchases()");
}

/** True for a repeat-purchase summary. */
export function isLifetimeSummary(value: unknown): value is LifetimeSummary {
  return hasShape(value, "frequency[#] recency[#] T[#] options.timeUnit$");
}

/** Checks the (summary, model) pair of a lifetime chart; returns the model, the fit the chart draws. */
export function checkLifetimeInputs(functionName: string, summary: unknown, model: unknown): LifetimeModel {
  if (!isLifetimeSummary(summary)) {
    refuseResult(functionName, "repeatPurchaseSummary or calibrationHoldoutSummary", summary, "summary");
  }
  if (!isLifetimeModel(model)) {
    refuseResult(functionName, "fitBgNbd or fitParetoNbd", model, "model");
  }
  return model;
}

/** Name of the model for titles. */
export function modelName(model: LifetimeModel): string {
  return "a" in model.params ? "BG/NBD" : "Pareto/NBD";
}

/**
 * Cells reach this fraction of a cell into their upper and right neighbours: the anti-aliased edges of
 * touching rectangles otherwise leave hairline seams of the background between them.
 */
const OVERLAP = 0.15;

/** One cell of a frequency x recency grid, with its edges for `rect` marks. */
export interface GridCell {
  readonly frequency: number;
  readonly recency: number;
  readonly frequencyLow: number;
  readonly frequencyHigh: number;
  readonly recencyLow: number;
  readonly recencyHigh: number;
}

/** Most frequency rows of a grid (frequencies beyond are merged into bands) and most recency columns. */
const MAX_ROWS = 24;
const MAX_COLUMNS = 24;

/**
 * The frequency x recency grid of the lifetimes-style matrix plots: frequency 0..maxFrequency (default
 * the largest observed, at most 40), recency in at most 24 steps from 0 to T (the largest customer age).
 * Beyond 24 frequencies the rows above 0 are merged into bands of equal width, each drawn at its middle
 * frequency, so the chart stays under ~600 rectangles (an SVG of about 150 kB at most).
 * A customer without repeat purchases has recency 0, so frequency 0 has one cell spanning all recencies.
 */
export function frequencyRecencyGrid(
  summary: LifetimeSummary,
  maxFrequency: number | undefined,
): {
  cells: GridCell[];
  T: number;
} {
  let T = 0;
  let observedMax = 0;
  for (let i = 0; i < summary.T.length; i++) {
    T = Math.max(T, summary.T[i] as number);
    observedMax = Math.max(observedMax, summary.frequency[i] as number);
  }
  const fMax = maxFrequency ?? Math.min(40, Math.max(1, observedMax));
  return gridCells(fMax, T);
}

/** The cells of {@link frequencyRecencyGrid} for frequencies 0..fMax and recencies 0..T. */
function gridCells(fMax: number, T: number): { cells: GridCell[]; T: number } {
  const band = Math.max(1, Math.ceil(fMax / (MAX_ROWS - 1)));
  const steps = Math.min(MAX_COLUMNS, Math.max(1, Math.ceil(T)));
  const width = T / steps;
  const cells: GridCell[] = [
    {
      frequency: 0,
      recency: 0,
      frequencyLow: -0.5,
      frequencyHigh: 0.5 + OVERLAP * band,
      recencyLow: 0,
      recencyHigh: T,
    },
  ];
  for (let low = 1; low <= fMax; low += band) {
    const high = Math.min(fMax, low + band - 1);
    const f = Math.floor((low + high) / 2);
    for (let s = 0; s < steps; s++) {
      const recency = (s + 0.5) * width;
      cells.push({
        frequency: f,
        recency,
        frequencyLow: low - 0.5,
        frequencyHigh: high + 0.5 + (high < fMax ? OVERLAP * band : 0),
        recencyLow: s * width,
        recencyHigh: (s + 1 + (s + 1 < steps ? OVERLAP : 0)) * width,
      });
    }
  }
  return { cells, T };
}
