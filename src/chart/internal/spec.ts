/**
 * Shared pieces of every chart builder: the Vega-Lite schema, the palette, number formats, option
 * parsing and the frame (title, size, config) around a chart's layers. User strings (item names,
 * customer ids, labels) only ever go into `data.values` or into plain text (titles, axis titles);
 * no builder writes an expression string (`calculate`, `filter`, `labelExpr`, `expr`).
 */

import { InvalidOptionsError } from "../../core/errors.js";
import {
  checkOptions,
  numeric,
  type OptionShape,
  type OptionValues,
  text,
} from "../../core/internal/optionRules.js";

/**
 * A Vega-Lite specification: a plain JSON object.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = chart(lorenzCurve([1, 2, 3]));
 * JSON.stringify(spec); // plain JSON, ready for vega-embed or toSvg
 * ```
 */
export type VegaLiteSpec = { readonly [key: string]: unknown };

/**
 * The Vega-Lite v6 JSON schema URL every builder writes.
 *
 * @example
 * ```ts
 * chart(lorenzCurve([1, 2, 3])).$schema === VEGA_LITE_SCHEMA; // => true
 * ```
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** The Vega-Lite v5 schema URL, the version notebook front ends know (see `chartDisplay`). */
export const VEGA_LITE_V5_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"), declared
 * once: black is left out so that text stays the darkest mark.
 *
 * @example
 * ```ts
 * PALETTE[0]; // => "#0072B2" (Okabe-Ito blue)
 * ```
 */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#56B4E9",
  "#CC79A7",
  "#F0E442",
  "#999999",
] as const;

/** Sequential scheme for counts and probabilities (perceptually uniform, colour-blind safe). */
export const SEQUENTIAL_SCHEME = "viridis";
/** Diverging scheme for signed values such as z-scores (blue low, orange high). */
export const DIVERGING_SCHEME = "blueorange";

/** d3 format of a share on an axis: `"42%"`. */
export const PERCENT = ".0%";
/** d3 format of a share in a tooltip: `"42.3%"`. */
export const PERCENT_PRECISE = ".1%";
/** d3 format of a count: `"1,234"`. */
export const THOUSANDS = ",.0f";
/** d3 format of money, with the symbol set by the `currency` option (locale of the spec): `"$1,234"`. */
export const CURRENCY = "$,.0f";

/** `n` with thousands separators, as text in titles: `"1,234"`. */
export function countText(n: number): string {
  return n.toLocaleString("en-US");
}

/** A channel's further properties (axis, scale, sort, ...), or, as a string, its d3 `format` (tooltips). */
export type ChannelExtra = string | Readonly<Record<string, unknown>>;

/** An encoding channel (or tooltip entry): `{ field, type, title, ...extra }`; the title is left out when undefined. */
function channel(type: string, field: string, title: unknown, extra: ChannelExtra | undefined) {
  return {
    field,
    type,
    ...(title === undefined ? {} : { title }),
    ...(typeof extra === "string" ? { format: extra } : extra),
  };
}

/** A channel's scale and axis of a share from 0 to 1 shown as a percentage (a fresh object per call). */
export const shareAxis = () => ({ axis: { format: PERCENT }, scale: { domain: [0, 1] } });

/** A dashed grey (or `color`) reference mark: `{ type, color, strokeDash: [4, 4] }`. */
export const dashed = (type: "rule" | "line", color = "#999") => ({ type, color, strokeDash: [4, 4] });

/** A filled point mark with further properties (size, color, opacity). */
export const filledPoint = (extra?: Readonly<Record<string, unknown>>) => ({
  type: "point",
  filled: true,
  ...extra,
});

/** A text mark with further properties (font size, colour, alignment, offsets). */
export const textMark = (extra?: Readonly<Record<string, unknown>>) => ({ type: "text", ...extra });

/** `value` kept within [`min`, `max`]: a chart side that grows with its rows or columns, within bounds. */
export const within = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A layer's or chart's inline data, `{ values }` (user strings stay in data, never in expressions). */
export const dataValues = (values: unknown) => ({ values });

/** A quantitative channel of `field` (see {@link channel}). */
export const quantitative = (field: string, title?: unknown, extra?: ChannelExtra) =>
  channel("quantitative", field, title, extra);
/** A nominal channel of `field` (see {@link channel}). */
export const nominal = (field: string, title?: unknown, extra?: ChannelExtra) =>
  channel("nominal", field, title, extra);
/** An ordinal channel of `field` (see {@link channel}). */
export const ordinal = (field: string, title?: unknown, extra?: ChannelExtra) =>
  channel("ordinal", field, title, extra);
/** A temporal channel of `field` (see {@link channel}). */
export const temporal = (field: string, title?: unknown, extra?: ChannelExtra) =>
  channel("temporal", field, title, extra);

/**
 * A nominal channel (colour, fill, stroke dash, ...) drawing each of the categories `domain` of `field` with
 * the matching entry of `range`, its legend at `legend` (`null`: no legend).
 */
export const categoryChannel = (
  field: string,
  title: unknown,
  domain: readonly unknown[],
  range: readonly unknown[],
  legend: "top" | "bottom" | null = "top",
) => nominal(field, title, { scale: { domain, range }, legend: legend === null ? null : { orient: legend } });

/**
 * A reference line layer: `mark` at `value` on the `position` channel ("x": a vertical line, "y": a horizontal one),
 * from its own one-row data `{ [field]: value }`; `extra` further properties of the channel (its scale).
 */
export const referenceLine = (
  position: "x" | "y",
  field: string,
  value: unknown,
  mark: Readonly<Record<string, unknown>>,
  extra?: ChannelExtra,
) => ({
  data: dataValues([{ [field]: value }]),
  mark,
  encoding: { [position]: quantitative(field, undefined, extra) },
});

/**
 * The dashed diagonal from (0, 0) to (1, 1) on the `x` and `y` channels (the line of equality or of a
 * random or perfectly calibrated score), as a layer with its own two-row data.
 */
export const diagonal = (x: { field: string }, y: { field: string }) => ({
  data: dataValues([
    { [x.field]: 0, [y.field]: 0 },
    { [x.field]: 1, [y.field]: 1 },
  ]),
  mark: dashed("line"),
  encoding: { x, y },
});

/**
 * Options every chart builder accepts.
 *
 * @example
 * ```ts
 * lorenzChart(curve, { title: "Spend concentration", width: 360, height: 360, currency: "€" });
 * ```
 */
export interface ChartOptions {
  /** Chart title; default: a title in domain words built from the result. */
  readonly title?: string;
  /** Width of the plotting area in pixels (100..2000); default per chart, usually 480. */
  readonly width?: number;
  /** Height of the plotting area in pixels (100..2000); default per chart, usually 320. */
  readonly height?: number;
  /**
   * Currency symbol for money axes, e.g. `"€"` or `"US$"`, placed before the number.
   * @defaultValue `"$"`
   */
  readonly currency?: string;
}

/** The option checks of {@link ChartOptions}, to extend with a builder's own options. */
export const chartOptionsShape = {
  title: text(500),
  width: numeric({ gte: 100, lte: 2000 }),
  height: numeric({ gte: 100, lte: 2000 }),
  currency: text(10),
};

/** Resolved common options. */
export interface ResolvedChartOptions {
  readonly title: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly currency: string;
}

/**
 * Checks a builder's options against `shape` (default: {@link chartOptionsShape}, for builders without
 * options of their own); strict: unknown keys are errors with a "did you mean" hint.
 */
export function parseChartOptions<S extends OptionShape = typeof chartOptionsShape>(
  functionName: string,
  options: unknown,
  shape?: S,
): OptionValues<S> & ResolvedChartOptions {
  const parsed: { currency?: string } = checkOptions(functionName, shape ?? chartOptionsShape, options);
  return { ...parsed, currency: parsed.currency ?? "$" } as OptionValues<S> & ResolvedChartOptions;
}

/** Throws the builder's argument error: `expected` says what was wanted. */
export function refuseInput(functionName: string, path: string, expected: string, received: unknown): never {
  throw new InvalidOptionsError(functionName, [{ path, message: expected, received }]);
}

/**
 * Throws the builder's argument error for an input (the argument `path`, by default `result`) that is not
 * the result of `of`: "expected the result of `of`".
 */
export function refuseResult(functionName: string, of: string, received: unknown, path = "result"): never {
  return refuseInput(functionName, path, `expected the result of ${of}`, received);
}

/** Shared look: font sizes, palette, locale for the currency symbol. */
export function chartConfig(currency: string): Record<string, unknown> {
  // axes and legends label and title in the same sizes
  const fontSizes = { labelFontSize: 11, titleFontSize: 12 };
  return {
    font: "Helvetica, Arial, sans-serif",
    title: { fontSize: 15, anchor: "start", subtitleFontSize: 12, subtitleColor: "#555" },
    axis: { ...fontSizes, labelLimit: 180, grid: true, gridColor: "#eee" },
    legend: { ...fontSizes, labelLimit: 200 },
    view: { stroke: null },
    range: { category: [...PALETTE] },
    locale: {
      number: { decimal: ".", thousands: ",", grouping: [3], currency: [currency, ""] },
    },
  };
}

/** The frame of a chart: schema, title (with optional subtitle), size and config around `body`. */
export function frame(
  options: ResolvedChartOptions,
  defaults: { title: string; subtitle?: string | undefined; width?: number; height?: number },
  body: Record<string, unknown>,
  sized = true,
): VegaLiteSpec {
  const width = options.width ?? defaults.width ?? 480;
  const text = options.title ?? defaults.title;
  const title =
    defaults.subtitle === undefined
      ? { text }
      : { text, subtitle: wrapText(defaults.subtitle, Math.max(60, Math.floor(width / 5.5))) };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    ...(sized ? { width, height: options.height ?? defaults.height ?? 320 } : {}),
    ...body,
    config: chartConfig(options.currency),
  };
}

/**
 * Splits `text` at spaces into lines of at most `limit` characters (a longer word gets its own line);
 * one line comes back as a string, several as an array (Vega draws each on its own line).
 */
export function wrapText(text: string, limit: number): string | string[] {
  if (text.length <= limit) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length === 1 ? (lines[0] as string) : lines;
}

/** Rounds for display data so specs stay small and stable (12 significant digits). */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** `x` as a percentage text with one decimal, e.g. `"42.0%"`; `"n/a"` for null. */
export function percentText(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "n/a" : `${(100 * x).toFixed(1)}%`;
}

/** True for a plain non-null object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The test of each kind a {@link hasShape} entry ends with. */
const KINDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  "[]": Array.isArray,
  "[#]": (value) => value instanceof Float64Array,
  "{}": isObject,
  "#": (value) => typeof value === "number",
  $: (value) => typeof value === "string",
  "()": (value) => typeof value === "function",
};

/**
 * True when `value` is an object with the properties `shape` lists, how the builders recognise a result:
 * space-separated entries `path` + kind, where the path may go into nested objects (`options.bins`) and the
 * kind is `[]` an array, `[#]` a Float64Array, `{}` an object, `#` a number, `$` a string, `()` a function.
 * `hasShape(value, "ranking[] core{} gini#")` is `isObject(value) && Array.isArray(value.ranking) &&
 * isObject(value.core) && typeof value.gini === "number"`.
 */
export function hasShape(value: unknown, shape: string): value is Record<string, unknown> {
  return (
    isObject(value) &&
    shape.split(" ").every((entry) => {
      const [, path, kind] = /^([\w$.]+?)(\[#?\]|\{\}|#|\$|\(\))$/.exec(entry) as unknown as [
        string,
        string,
        string,
      ];
      const found = path.split(".").reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), value);
      return (KINDS[kind] as (value: unknown) => boolean)(found);
    })
  );
}

/**
 * At most `most` indices of `count` points, evenly spaced from the first to the last (both kept): the
 * points a long curve is drawn with. All of them when `count <= most`.
 */
export function evenlySpaced(count: number, most: number): number[] {
  const indices: number[] = [];
  const step = Math.max(1, (count - 1) / (most - 1));
  for (let i = 0; i < most && count > 0; i++) {
    const index = Math.min(count - 1, Math.round(i * step));
    if (index !== indices.at(-1)) indices.push(index);
    if (index === count - 1) break;
  }
  return indices;
}

/** Keeps at most `limit` characters of a user label (text in the chart, never an expression). */
export function shortLabel(text: string, limit = 40): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
