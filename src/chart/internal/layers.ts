/**
 * Layers and channels several charts draw alike: text written at a position, named points with their name
 * above them, and the whiskers of an interval. Each builder returns a fresh plain object, and user strings
 * stay in the data (a builder only names the field that holds them).
 */
import { dataValues, filledPoint, nominal, textMark } from "./spec.js";

/**
 * A text layer writing the field `text` (by default `label`) of each row at the `position` channels (none:
 * the positions of the enclosing layer), with the mark's further properties `look` (font size, colour,
 * alignment, offsets).
 */
export function textLayer(
  look: Readonly<Record<string, unknown>>,
  position: Readonly<Record<string, unknown>> = {},
  text = "label",
) {
  return { mark: textMark(look), encoding: { ...position, text: nominal(text) } };
}

/**
 * The named points of a map (importance-performance, Kano): the rows `values` as filled points drawn with
 * `encoding` (positions `x` and `y`, colour, tooltip), each with its field `label` written above it.
 */
export function labelledPoints(
  values: readonly object[],
  encoding: { readonly x: object; readonly y: object; readonly color: object; readonly tooltip: object[] },
  label: string,
) {
  const { x, y } = encoding;
  return {
    data: dataValues(values),
    layer: [
      { mark: filledPoint({ size: 90 }), encoding },
      textLayer({ dy: -10, fontSize: 11, color: "#222" }, { x, y }, label),
    ],
  };
}

/**
 * The `x` and `x2` channels of an interval drawn from the field `lower` to the field `upper`, with the type,
 * title, scale and axis of the estimate's channel `x`.
 */
export function intervalChannels(x: Readonly<Record<string, unknown>>) {
  return { x: { ...x, field: "lower" }, x2: { field: "upper" } };
}
