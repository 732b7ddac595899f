import type { ImportancePerformanceGridResult, ImportancePerformanceResult } from "../satisfaction/index.js";
import { labelledPoints } from "./internal/layers.js";
import {
  type ChartOptions,
  dashed,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  referenceLine,
  refuseResult,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `importancePerformance`. */
export function isImportancePerformanceResult(value: unknown): value is ImportancePerformanceResult {
  return hasShape(value, "entries[] target$ meanImportance#");
}

/** True when `value` looks like the result of `importancePerformanceGrid`. */
export function isImportancePerformanceGridResult(value: unknown): value is ImportancePerformanceGridResult {
  return hasShape(value, "attributes[] quadrants{} importanceCut#");
}

const QUADRANTS = ["concentrate here", "keep up the good work", "low priority", "possible overkill"] as const;

/**
 * The drivers of an `importancePerformance` result placed as `importancePerformanceGrid` places them: cut at
 * the means (the result's `meanImportance` and `meanPerformance`), at or above a cut counting as high.
 * Done here, not by calling importancePerformanceGrid, so that `chart` does not bundle the grid's
 * validation and table display for results that are already checked.
 */
function placeOnGrid(
  result: ImportancePerformanceResult,
): Pick<ImportancePerformanceGridResult, "attributes" | "importanceCut" | "performanceCut"> {
  const importanceCut = result.meanImportance;
  const performanceCut = result.meanPerformance;
  const attributes = result.entries.map(({ name, importance, performance }) => ({
    name,
    importance,
    performance,
    // important: "concentrate here" (0) or "keep up the good work" (1); else "low priority" (2) or "possible overkill" (3)
    quadrant: QUADRANTS[
      (importance >= importanceCut ? 0 : 2) + (performance >= performanceCut ? 1 : 0)
    ] as (typeof QUADRANTS)[number],
  }));
  return { attributes, importanceCut, performanceCut };
}

/**
 * The importance-performance map (Martilla & James 1977; the IPMA of PLS path models): each driver placed
 * by its importance (x; for a PLS model its total effect on the target) and performance (y; its index),
 * split into four quadrants at the cuts (the means unless the grid was given other cuts) and coloured by
 * quadrant. "Concentrate here" (important, performing below par) is bottom right.
 *
 * @param result - result of `importancePerformance(model, target)` or `importancePerformanceGrid(attributes)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is neither or an option is invalid
 * @example
 * ```ts
 * const spec = importancePerformanceChart(importancePerformance(plsPathModel(store.surveys, ECSI_MODEL), "Loyalty"));
 * spec.title; // => { text: "Importance-performance map: drivers of Loyalty", ... }
 * ```
 */
export function importancePerformanceChart(
  result: ImportancePerformanceResult | ImportancePerformanceGridResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const name = "importancePerformanceChart";
  const parsed = parseChartOptions(name, options);
  let grid: Pick<ImportancePerformanceGridResult, "attributes" | "importanceCut" | "performanceCut">;
  let target: string | undefined;
  if (isImportancePerformanceResult(result)) {
    grid = placeOnGrid(result);
    target = result.target;
  } else if (isImportancePerformanceGridResult(result)) {
    grid = result;
  } else {
    return refuseResult(name, "importancePerformance or importancePerformanceGrid", result);
  }
  const points = grid.attributes.map((a) => ({
    name: a.name,
    importance: tidy(a.importance),
    performance: tidy(a.performance),
    quadrant: a.quadrant,
  }));
  const x = quantitative(
    "importance",
    target === undefined ? "Importance" : `Importance (total effect on ${target})`,
    { scale: { zero: false, padding: 30 } },
  );
  const y = quantitative("performance", "Performance (index)", { scale: { zero: false, padding: 30 } });
  const color = nominal("quadrant", "Quadrant", {
    scale: { domain: [...QUADRANTS], range: [PALETTE[3], PALETTE[2], PALETTE[7], PALETTE[1]] },
    legend: { orient: "bottom", columns: 2 },
  });
  return frame(
    parsed,
    {
      title:
        target === undefined
          ? "Importance-performance map"
          : `Importance-performance map: drivers of ${target}`,
      subtitle: `cuts at importance ${grid.importanceCut.toPrecision(3)} and performance ${grid.performanceCut.toPrecision(3)}; act on "concentrate here" first`,
      width: 440,
      height: 340,
    },
    {
      layer: [
        referenceLine("x", "importance", tidy(grid.importanceCut), dashed("rule", "#888")),
        referenceLine("y", "performance", tidy(grid.performanceCut), dashed("rule", "#888")),
        labelledPoints(
          points,
          {
            x,
            y,
            color,
            tooltip: [
              nominal("name", "Driver"),
              quantitative("importance", "Importance", ".3f"),
              quantitative("performance", "Performance", ".1f"),
              nominal("quadrant", "Quadrant"),
            ],
          },
          "name",
        ),
      ],
    },
  );
}
