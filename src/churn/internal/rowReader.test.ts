import { afterEach, describe, expect, it } from "vitest";
import { resolveFeature } from "./featureSpec.js";
import { createLinearRowReader, createRowReader, rowReaderSettings } from "./rowReader.js";

type Row = Record<string, unknown>;

// A key that would break out of a naively built source string: it must be read as a plain property.
const HOSTILE = 'x"]; globalThis.injected = 1; //\u2028';
const numeric = [
  resolveFeature<Row>("a"),
  resolveFeature<Row>(HOSTILE),
  resolveFeature<Row>({ name: "twice", value: (row, index) => (row.a as number) * 2 + index }),
];
const categorical = [resolveFeature<Row>("plan"), resolveFeature<Row>({ name: "tier", value: () => "gold" })];
const rows: Row[] = [
  { a: 1.5, [HOSTILE]: -2, plan: "basic" },
  { a: "3", [HOSTILE]: true, plan: 7 },
  { a: null, [HOSTILE]: 4, plan: undefined },
];
// Off the fast path: numeric strings and booleans convert, missing values are flagged with -1000 - j.
const convert = (j: number, value: unknown) =>
  value === null || value === undefined
    ? -1000 - j
    : typeof value === "boolean"
      ? Number(value)
      : Number(value);

function readAll(): { columns: number[]; linear: number[]; levels: unknown[][] } {
  const reader = createRowReader(numeric, categorical);
  const linearReader = createLinearRowReader(numeric, categorical);
  const out = new Float64Array(rows.length * 3);
  const levels: unknown[][] = [];
  const linear: number[] = [];
  rows.forEach((row, i) => {
    const raw: unknown[] = [];
    reader(row, i, out, i, rows.length, raw, convert);
    levels.push(raw);
    linear.push(linearReader(row, i, 0.5, Float64Array.of(1, 10, 100), [], convert));
  });
  return { columns: Array.from(out), linear, levels };
}

describe("row readers", () => {
  afterEach(() => {
    rowReaderSettings.compile = true;
  });

  it("read keys (even hostile ones) and accessors the same compiled or as a loop", () => {
    const compiled = readAll();
    rowReaderSettings.compile = false;
    const loop = readAll();
    expect(loop).toEqual(compiled);
    expect((globalThis as Record<string, unknown>).injected).toBeUndefined();
    // Column-major: feature j of row i at j * 3 + i.
    expect(compiled.columns).toEqual([1.5, 3, -1000, -2, 1, 4, 3, 7, 2]);
    // 0.5 + 1·a + 10·hostile + 100·twice, with the fallback's value added as is when off the fast path
    // (the accessor twice = a · 2 + index follows JavaScript: "3" · 2 = 6, null · 2 = 0).
    expect(compiled.linear).toEqual([0.5 + 1.5 - 20 + 300, 0.5 + 3 + 1 + 700, 0.5 - 1000 + 40 + 200]);
    expect(compiled.levels).toEqual([
      ["basic", "gold"],
      [7, "gold"],
      [undefined, "gold"],
    ]);
  });

  it("read leading features (a label) before the numeric ones, compiled or as a loop", () => {
    for (const compile of [true, false]) {
      rowReaderSettings.compile = compile;
      const calls: string[] = [];
      const traced = (name: string) =>
        resolveFeature<Row>({
          name,
          value: (row) => {
            calls.push(name);
            return row[name];
          },
        });
      const reader = createRowReader(
        [traced("a"), resolveFeature<Row>("b")],
        [traced("label"), resolveFeature<Row>("plan")],
        1,
      );
      const out = new Float64Array(2);
      const raw: unknown[] = [];
      const seen: unknown[] = [];
      // The fallback sees the leading value already stored (so a bad label can be reported first).
      const fallback = (j: number, value: unknown) => {
        seen.push(raw[0], j, value);
        return -1;
      };
      reader({ a: 2, b: "x", label: 1, plan: "gold" }, 0, out, 0, 1, raw, fallback);
      expect(calls).toEqual(["label", "a"]);
      expect(raw).toEqual([1, "gold"]);
      expect(Array.from(out)).toEqual([2, -1]);
      expect(seen).toEqual([1, 1, "x"]);
    }
  });
});
