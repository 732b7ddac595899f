import type { BootstrapResult, PlsPathModelResult } from "../satisfaction/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  countText,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  refuseResult,
  textMark,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/** True when `value` looks like the result of `plsPathModel`. */
export function isPlsPathModelResult(value: unknown): value is PlsPathModelResult {
  return hasShape(value, "constructs[] pathCoefficients[] rSquared{}");
}

function isBootstrapResult(value: unknown): value is BootstrapResult {
  return hasShape(value, "paths[] validSamples#");
}

/**
 * Layout and labels of the path diagram, in [0, 1] x [0, 1] (y up).
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, ECSI_MODEL); // the ECSI mobile-phone survey
 * const boot = bootstrap(model, mobi, { samples: 200, seed: 7 });
 * plsPathDiagram(model, boot).paths[0];
 * // => { from: "Image", to: "Expectation", estimate: 0.50, significance: "***", label: "0.50 ***", x: 0, y: 0.5, x2: 0.17, y2: 0.5 }
 * ```
 */
export interface PlsPathDiagram {
  readonly constructs: readonly {
    readonly construct: string;
    readonly x: number;
    readonly y: number;
    readonly rSquared: number | null;
    readonly label: string;
  }[];
  readonly paths: readonly {
    readonly from: string;
    readonly to: string;
    readonly estimate: number;
    /** `"***"` (p < .001), `"**"`, `"*"` (p < .05) or `"n.s."` from the bootstrap t value; `""` without a bootstrap. */
    readonly significance: string;
    readonly label: string;
    readonly x: number;
    readonly y: number;
    readonly x2: number;
    readonly y2: number;
  }[];
}

/** Significance stars of a bootstrap t value (two-sided p < .001, .01, .05). */
function stars(t: number): string {
  const size = Math.abs(t);
  return size >= 3.291 ? "***" : size >= 2.576 ? "**" : size >= 1.96 ? "*" : "n.s.";
}
const CANDIDATES = [0.5, 0.15, 0.85, 0.33, 0.67, 0.02, 0.98];

/** Distance from point p to segment a-b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Lays out a path diagram: constructs in columns by their longest path from an exogenous construct, and
 * within a column at heights chosen greedily (from a fixed list) so that no arrow passes through another
 * construct where avoidable. Deterministic.
 *
 * @example
 * ```ts
 * plsPathDiagram(plsPathModel(mobi, ECSI_MODEL)).constructs.map((c) => c.construct);
 * // => ["Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"]
 * ```
 */
export function plsPathDiagram(model: PlsPathModelResult, boot?: BootstrapResult): PlsPathDiagram {
  const names = model.constructs;
  const depth = new Map<string, number>(names.map((n) => [n, 0]));
  for (let pass = 0; pass < names.length; pass++) {
    for (const p of model.pathCoefficients)
      depth.set(p.to, Math.max(depth.get(p.to) ?? 0, (depth.get(p.from) ?? 0) + 1));
  }
  const maxDepth = Math.max(1, ...depth.values());
  const columns = new Map<number, string[]>();
  for (const n of names) columns.set(depth.get(n) ?? 0, [...(columns.get(depth.get(n) ?? 0) ?? []), n]);
  const placed = new Map<string, { x: number; y: number }>();
  const penalty = (name: string, x: number, y: number) => {
    let cost = 0;
    const trial = new Map(placed).set(name, { x, y });
    for (const p of model.pathCoefficients) {
      const a = trial.get(p.from);
      const b = trial.get(p.to);
      if (a === undefined || b === undefined) continue;
      for (const [other, at] of trial) {
        if (other === p.from || other === p.to) continue;
        if (segmentDistance(at.x, at.y * 0.6, a.x, a.y * 0.6, b.x, b.y * 0.6) < 0.07) cost++;
      }
    }
    return cost;
  };
  for (let d = 0; d <= maxDepth; d++) {
    const column = columns.get(d) ?? [];
    const x = d / maxDepth;
    column.forEach((name, i) => {
      if (column.length > 1) {
        placed.set(name, { x, y: column.length === 1 ? 0.5 : 0.1 + (0.8 * i) / (column.length - 1) });
        return;
      }
      let best = CANDIDATES[0] as number;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const y of CANDIDATES) {
        const cost = penalty(name, x, y) + Math.abs(y - 0.5) * 0.1;
        if (cost < bestCost) {
          bestCost = cost;
          best = y;
        }
      }
      placed.set(name, { x, y: best });
    });
  }
  const bootPaths = isBootstrapResult(boot) ? boot.paths : undefined;
  return {
    constructs: names.map((construct) => {
      const r2 = model.rSquared[construct];
      const at = placed.get(construct) as { x: number; y: number };
      return {
        construct,
        x: at.x,
        y: at.y,
        rSquared: r2 === undefined ? null : tidy(r2),
        label: r2 === undefined ? "" : `R² ${r2.toFixed(2)}`,
      };
    }),
    paths: model.pathCoefficients.map((p) => {
      const a = placed.get(p.from) as { x: number; y: number };
      const b = placed.get(p.to) as { x: number; y: number };
      const estimate = bootPaths?.find((q) => q.from === p.from && q.to === p.to);
      const significance =
        bootPaths === undefined ? "" : estimate === undefined ? "" : stars(estimate.tValue);
      return {
        from: p.from,
        to: p.to,
        estimate: tidy(p.estimate),
        significance,
        label: `${p.estimate.toFixed(2)}${significance === "" ? "" : ` ${significance}`}`,
        x: a.x,
        y: a.y,
        x2: b.x,
        y2: b.y,
      };
    }),
  };
}

/**
 * The PLS path diagram: constructs as labelled circles with their R², arrows for the structural paths
 * labelled with the path coefficient and, with a bootstrap, its significance (*** p < .001, ** p < .01,
 * * p < .05, n.s.; two-sided, from the bootstrap t value); arrow width by |coefficient|, blue positive,
 * vermillion negative. Laid out left to right along the paths (see {@link plsPathDiagram}).
 *
 * @param model - result of `plsPathModel(records, { blocks, paths })`
 * @param boot - optional result of `bootstrap(model, records)` for the significance stars
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `model` is not a PLS path model or an option is invalid
 * @example
 * ```ts
 * const model = plsPathModel(mobi, ECSI_MODEL); // the ECSI mobile-phone survey
 * const spec = plsPathChart(model, bootstrap(model, mobi, { samples: 200, seed: 7 }));
 * spec.title;
 * // => { text: "PLS path model", subtitle: "250 respondents; arrows: path coefficients; significance from 200 bootstrap samples" }
 * ```
 */
export function plsPathChart(
  model: PlsPathModelResult,
  boot?: BootstrapResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const name = "plsPathChart";
  const parsed = parseChartOptions(name, options);
  if (!isPlsPathModelResult(model)) return refuseResult(name, "plsPathModel", model, "model");
  if (boot !== undefined && !isBootstrapResult(boot))
    return refuseResult(name, "bootstrap(model, records) or undefined", boot, "boot");
  const diagram = plsPathDiagram(model, boot);
  const width = parsed.width ?? within(diagram.constructs.length * 130, 420, 900);
  const height = parsed.height ?? 360;
  // Arrows stop short of the circles; their heads point along the arrow on screen (y down).
  const radius = 34;
  // Labels go at the middle of their arrow unless another label is within 45 px there (then 35%, 65%, ...).
  const taken: { x: number; y: number }[] = [];
  const arrows = diagram.paths.map((p) => {
    const dx = (p.x2 - p.x) * width;
    const dy = (p.y2 - p.y) * height;
    const length = Math.max(1e-9, Math.hypot(dx, dy));
    const ux = dx / length;
    const uy = dy / length;
    const start = { x: p.x + (ux * radius) / width, y: p.y + (uy * radius) / height };
    const end = { x: p.x2 - (ux * (radius + 4)) / width, y: p.y2 - (uy * (radius + 4)) / height };
    const labelPosition = (a: { x: number; y: number }, b: { x: number; y: number }) => {
      let best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      for (const t of [0.5, 0.35, 0.65, 0.25, 0.75]) {
        const at = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
        const free = taken.every((q) => Math.hypot((q.x - at.x) * width, (q.y - at.y) * height) > 45);
        if (free) {
          best = at;
          break;
        }
      }
      taken.push(best);
      return { labelX: tidy(best.x), labelY: tidy(best.y) };
    };
    return {
      ...p,
      x: tidy(start.x),
      y: tidy(start.y),
      x2: tidy(end.x),
      y2: tidy(end.y),
      ...labelPosition(start, end),
      // Vega rotates clockwise from "up" on screen; data y points up, so atan2(dx, dy) is that angle.
      angle: tidy(((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360),
      sign: p.estimate >= 0 ? "positive" : "negative",
      magnitude: Math.abs(p.estimate),
    };
  });
  const scale = { domain: [-0.12, 1.12] };
  // positions in the unit square, without axes
  const position = (field: string) => quantitative(field, undefined, { axis: null, scale });
  const x = position("x");
  const y = position("y");
  const signColour = categoryChannel(
    "sign",
    undefined,
    ["positive", "negative"],
    [PALETTE[0], PALETTE[3]],
    null,
  );
  const bootText = isBootstrapResult(boot)
    ? `; significance from ${boot.validSamples} bootstrap samples`
    : "; pass a bootstrap for significance";
  return frame(
    parsed,
    {
      title: "PLS path model",
      subtitle: `${countText(model.observations)} respondents; arrows: path coefficients${bootText}`,
      width,
      height,
    },
    {
      layer: [
        {
          data: dataValues(arrows),
          layer: [
            {
              mark: { type: "rule" },
              encoding: {
                x,
                y,
                x2: { field: "x2" },
                y2: { field: "y2" },
                color: signColour,
                strokeWidth: quantitative("magnitude", undefined, {
                  scale: { domain: [0, 1], range: [1, 6] },
                  legend: null,
                }),
              },
            },
            {
              mark: { type: "point", shape: "triangle-up", filled: true, size: 90, opacity: 1 },
              encoding: {
                x: position("x2"),
                y: position("y2"),
                angle: quantitative("angle", undefined, { scale: null }),
                color: signColour,
              },
            },
            {
              mark: textMark({ fontSize: 11, fontWeight: "bold", dy: -7, color: "#222" }),
              encoding: {
                x: position("labelX"),
                y: position("labelY"),
                text: nominal("label"),
                tooltip: [
                  nominal("from", "From"),
                  nominal("to", "To"),
                  quantitative("estimate", "Path coefficient", ".3f"),
                  nominal("significance", "Significance"),
                ],
              },
            },
          ],
        },
        {
          data: dataValues(diagram.constructs),
          layer: [
            {
              mark: {
                type: "point",
                shape: "circle",
                size: (2 * radius) ** 2 * 0.8,
                filled: true,
                color: "#e8f1f8",
                stroke: PALETTE[0],
                strokeWidth: 1.5,
                opacity: 1,
              },
              encoding: { x, y },
            },
            textLayer({ fontSize: 10, fontWeight: "bold", dy: -5, limit: 4 * radius }, { x, y }, "construct"),
            {
              mark: textMark({ fontSize: 10, dy: 8, color: "#444" }),
              encoding: {
                x,
                y,
                text: nominal("label"),
                tooltip: [nominal("construct", "Construct"), quantitative("rSquared", "R²", ".3f")],
              },
            },
          ],
        },
      ],
    },
  );
}
