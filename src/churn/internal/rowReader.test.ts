import { afterEach, describe, expect, it } from "vitest";
import { resolveFeature } from "./featureSpec.js";
import {
  accessorsOf,
  createLinearRowReader,
  createRowReader,
  forgetCompiledReaders,
  rowReaderSettings,
} from "./rowReader.js";

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

const numericRead = accessorsOf(numeric);
const categoricalRead = accessorsOf(categorical);

function readAll(): { columns: number[]; linear: number[]; levels: unknown[][] } {
  const reader = createRowReader(numeric, categorical);
  const linearReader = createLinearRowReader(numeric, categorical);
  const out = new Float64Array(rows.length * 3);
  const levels: unknown[][] = [];
  const linear: number[] = [];
  rows.forEach((row, i) => {
    const raw: unknown[] = [];
    reader(row, i, out, i, rows.length, raw, convert, numericRead, categoricalRead);
    levels.push(raw);
    linear.push(
      linearReader(row, i, 0.5, Float64Array.of(1, 10, 100), [], convert, numericRead, categoricalRead),
    );
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
      const readNumeric = [traced("a"), resolveFeature<Row>("b")];
      const readCategorical = [traced("label"), resolveFeature<Row>("plan")];
      const reader = createRowReader(readNumeric, readCategorical, 1);
      const out = new Float64Array(2);
      const raw: unknown[] = [];
      const seen: unknown[] = [];
      // The fallback sees the leading value already stored (so a bad label can be reported first).
      const fallback = (j: number, value: unknown) => {
        seen.push(raw[0], j, value);
        return -1;
      };
      reader(
        { a: 2, b: "x", label: 1, plan: "gold" },
        0,
        out,
        0,
        1,
        raw,
        fallback,
        accessorsOf(readNumeric),
        accessorsOf(readCategorical),
      );
      expect(calls).toEqual(["label", "a"]);
      expect(raw).toEqual([1, "gold"]);
      expect(Array.from(out)).toEqual([2, -1]);
      expect(seen).toEqual([1, 1, "x"]);
    }
  });

  it("give the same compiled function for the same features, so its optimised code is kept", () => {
    // Features resolved anew (as every training call does), accessors passed per call.
    const features = () => [resolveFeature<Row>("a"), resolveFeature<Row>(HOSTILE)];
    const first = createRowReader(features(), [resolveFeature<Row>("plan")]);
    expect(createRowReader(features(), [resolveFeature<Row>("plan")])).toBe(first);
    expect(createLinearRowReader(features(), [resolveFeature<Row>("plan")])).toBe(
      createLinearRowReader(features(), [resolveFeature<Row>("plan")]),
    );
    // A different accessor at the same position reads through the accessor passed with the call.
    const accessor = (offset: number) =>
      resolveFeature<Row>({ name: "shifted", value: (row) => (row.a as number) + offset });
    const out = new Float64Array(2);
    for (const offset of [1, 2]) {
      const shifted = [resolveFeature<Row>("a"), accessor(offset)];
      const reader = createRowReader(shifted, []);
      reader({ a: 5 }, 0, out, 0, 1, [], convert, accessorsOf(shifted), []);
      expect(Array.from(out)).toEqual([5, 5 + offset]);
    }
    expect(createRowReader([resolveFeature<Row>("a"), accessor(1)], [])).toBe(
      createRowReader([resolveFeature<Row>("a"), accessor(2)], []),
    );
  });

  it("keep at most 16 compiled readers, dropping the least recently used", () => {
    const readerOf = (key: string) => createRowReader([resolveFeature<Row>(key)], []);
    const kept = readerOf("kept");
    const dropped = readerOf("dropped");
    for (let k = 0; k < 14; k++) readerOf(`filler${k}`);
    expect(readerOf("kept")).toBe(kept); // used again: now the most recent
    readerOf("one more"); // the 17th source text: "dropped" is the least recently used
    expect(readerOf("kept")).toBe(kept);
    expect(readerOf("dropped")).not.toBe(dropped);
  });

  it("use the loop where code generation is refused (CSP), and compile again once it is allowed", () => {
    const original = globalThis.Function;
    let attempts = 0;
    const refuse = () => {
      attempts++;
      throw new EvalError("code generation from strings disallowed for this context");
    };
    const compiled = readAll();
    forgetCompiledReaders();
    globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
    let refused: ReturnType<typeof readAll>;
    try {
      refused = readAll();
      refused = readAll(); // a refusal is not cached: tried again
    } finally {
      globalThis.Function = original;
    }
    expect(attempts).toBe(4); // two readers, twice
    expect(refused).toEqual(compiled);
    const again = createRowReader(numeric, categorical);
    expect(again).toBe(createRowReader(numeric, categorical));
  });
});
