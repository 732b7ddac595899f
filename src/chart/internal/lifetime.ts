/** Shared helpers of the repeat-purchase (BG/NBD, Pareto/NBD) charts. */
import type { RepeatBuyingFit } from "../../value/index.js";
import { isObject, refuseInput } from "./spec.js";

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
  return (
    isObject(value) &&
    isObject(value.params) &&
    typeof value.probabilityAlive === "function" &&
    typeof value.expectedPurchases === "function" &&
    typeof value.conditionalExpectedPurchases === "function"
  );
}

/** True for a repeat-purchase summary. */
export function isLifetimeSummary(value: unknown): value is LifetimeSummary {
  return (
    isObject(value) &&
    value.frequency instanceof Float64Array &&
    value.recency instanceof Float64Array &&
    value.T instanceof Float64Array &&
    isObject(value.options) &&
    typeof value.options.timeUnit === "string"
  );
}

/** Checks the (summary, model) pair of a lifetime chart. */
export function checkLifetimeInputs(functionName: string, summary: unknown, model: unknown): void {
  if (!isLifetimeSummary(summary)) {
    refuseInput(
      functionName,
      "summary",
      "expected the result of repeatPurchaseSummary or calibrationHoldoutSummary",
      summary,
    );
  }
  if (!isLifetimeModel(model)) {
    refuseInput(functionName, "model", "expected the result of fitBgNbd or fitParetoNbd", model);
  }
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

/**
 * The frequency x recency grid of the lifetimes-style matrix plots: frequency 0..maxFrequency (default
 * the largest observed, at most 40), recency in at most 30 steps from 0 to T (the largest customer age).
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
  const steps = Math.min(30, Math.max(1, Math.ceil(T)));
  const width = T / steps;
  const cells: GridCell[] = [];
  for (let f = 0; f <= fMax; f++) {
    if (f === 0) {
      cells.push({
        frequency: 0,
        recency: 0,
        frequencyLow: -0.5,
        frequencyHigh: 0.5 + OVERLAP,
        recencyLow: 0,
        recencyHigh: T,
      });
      continue;
    }
    for (let s = 0; s < steps; s++) {
      const recency = (s + 0.5) * width;
      cells.push({
        frequency: f,
        recency,
        frequencyLow: f - 0.5,
        frequencyHigh: f + 0.5 + OVERLAP,
        recencyLow: s * width,
        recencyHigh: (s + 1 + (s + 1 < steps ? OVERLAP : 0)) * width,
      });
    }
  }
  return { cells, T };
}
