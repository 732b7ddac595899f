/** Shared layers of the heatmaps of shares (P(alive) by frequency and recency, cohort retention). */
import { nominal, PERCENT, quantitative, SEQUENTIAL_SCHEME, textMark } from "./spec.js";

/** What {@link shareHeatmapLayers} draws. */
export interface ShareHeatmap {
  /** Encodings of the two ordinal axes. */
  readonly x: object;
  readonly y: object;
  /** The share (0..1) that colours a cell, and its legend title. */
  readonly field: string;
  readonly title: string;
  /** Extra encoding of the cells (e.g. `opacity`), placed before the tooltip. */
  readonly cellEncoding?: object;
  readonly tooltip: readonly object[];
  /** Text labels in the cells (field `label`) at this font size, or none. */
  readonly labelSize: number | null;
}

/**
 * The layers of a heatmap of shares: cells coloured on the sequential scheme over [0, 1] with a percent
 * legend, and optional labels, dark on light cells (share above 0.6) and white on dark ones.
 */
export function shareHeatmapLayers(heatmap: ShareHeatmap): object[] {
  const { x, y, field } = heatmap;
  return [
    {
      mark: { type: "rect" },
      encoding: {
        x,
        y,
        color: quantitative(field, heatmap.title, {
          scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 1] },
          legend: { format: PERCENT },
        }),
        ...heatmap.cellEncoding,
        tooltip: heatmap.tooltip,
      },
    },
    ...(heatmap.labelSize === null
      ? []
      : [
          {
            mark: textMark({ fontSize: heatmap.labelSize }),
            encoding: {
              x,
              y,
              text: nominal("label"),
              color: { condition: { test: { field, gt: 0.6 }, value: "#222" }, value: "#fff" },
            },
          },
        ]),
  ];
}

/**
 * The layers of a heatmap whose cells are labelled in a text colour chosen per cell (the data's
 * `textColor`, so the spec needs no expression): white-edged cells coloured by `color` with `tooltip`,
 * and `text` in 11 px on them.
 */
export function labelledCellLayers(color: object, tooltip: readonly object[], text: object) {
  return {
    layer: [
      { mark: { type: "rect", stroke: "#fff" }, encoding: { color, tooltip } },
      {
        mark: textMark({ fontSize: 11 }),
        encoding: { text, color: nominal("textColor", undefined, { scale: null, legend: null }) },
      },
    ],
    // The text colour is a literal per cell, not a scale shared with the fill.
    resolve: { scale: { color: "independent" } },
  };
}
