import { InsufficientDataError, InvalidRecordError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, numeric } from "../core/internal/optionRules.js";

/**
 * The four quadrants of Martilla & James (1977).
 *
 * @example
 * ```ts
 * const attributes = [{ name: "price", importance: 0.8, performance: 40 }, { name: "decor", importance: 0.1, performance: 90 }];
 * importancePerformanceGrid(attributes).attributes.map((a) => a.quadrant);
 * // => ["concentrate here", "possible overkill"]
 * ```
 */
export type ImportancePerformanceQuadrant =
  | "concentrate here"
  | "keep up the good work"
  | "low priority"
  | "possible overkill";

/**
 * An attribute to place on the grid.
 *
 * @example
 * ```ts
 * const attribute: ImportancePerformanceGridAttribute = { name: "delivery speed", importance: 0.42, performance: 71.5 };
 * importancePerformanceGrid([attribute]).attributes[0].quadrant; // => "keep up the good work" (on both cuts)
 * ```
 */
export interface ImportancePerformanceGridAttribute {
  readonly name: string;
  readonly importance: number;
  readonly performance: number;
}

/**
 * Options of {@link importancePerformanceGrid}.
 *
 * @example
 * ```ts
 * const attributes = [{ name: "price", importance: 0.8, performance: 40 }, { name: "decor", importance: 0.1, performance: 90 }];
 * importancePerformanceGrid(attributes, { importanceCut: 0.2, performanceCut: 40 }).attributes.map((a) => a.quadrant);
 * // => ["keep up the good work", "possible overkill"]
 * ```
 */
export interface ImportancePerformanceGridOptions {
  /** Importance at or above which an attribute counts as important. @defaultValue the mean importance */
  readonly importanceCut?: number;
  /** Performance at or above which an attribute counts as performing well. @defaultValue the mean performance */
  readonly performanceCut?: number;
}

/**
 * Result of {@link importancePerformanceGrid}.
 *
 * @example
 * ```ts
 * const attributes = [{ name: "price", importance: 0.8, performance: 40 }, { name: "decor", importance: 0.1, performance: 90 }];
 * const grid = importancePerformanceGrid(attributes);
 * [grid.importanceCut, grid.performanceCut]; // => [0.45, 65] (the means)
 * grid.quadrants["low priority"]; // => []
 * ```
 */
export interface ImportancePerformanceGridResult {
  /** The attributes in input order, each with its quadrant. */
  readonly attributes: readonly (ImportancePerformanceGridAttribute & {
    readonly quadrant: ImportancePerformanceQuadrant;
  })[];
  /** The attribute names per quadrant. */
  readonly quadrants: Readonly<Record<ImportancePerformanceQuadrant, readonly string[]>>;
  readonly importanceCut: number;
  readonly performanceCut: number;
}

const NAME = "importancePerformanceGrid";
/**
 * Rules of importancePerformanceGrid's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const importancePerformanceGridShape = {
  importanceCut: /* @__PURE__ */ numeric({}),
  performanceCut: /* @__PURE__ */ numeric({}),
};

/** Mean of a column; when the plain sum overflows (values near 1e308), the sum of the values / n instead. */
function meanOf(
  attributes: readonly ImportancePerformanceGridAttribute[],
  key: "importance" | "performance",
): number {
  const n = attributes.length;
  const sum = attributes.reduce((s, a) => s + a[key], 0);
  return Number.isFinite(sum) ? sum / n : attributes.reduce((s, a) => s + a[key] / n, 0);
}

/**
 * Importance-performance analysis grid (Martilla & James 1977): each attribute falls in one of four quadrants
 * by comparing its importance and performance with the cuts (the means unless given; a value equal to the cut
 * counts as high):
 * high importance, low performance → "concentrate here"; high, high → "keep up the good work";
 * low, low → "low priority"; low importance, high performance → "possible overkill".
 *
 * Reference: Martilla & James (1977), Importance-performance analysis, Journal of Marketing 41(1), 77-79.
 *
 * @param attributes - `{ name, importance, performance }` per attribute (e.g. `importancePerformance(...).entries`)
 * @param options - see {@link ImportancePerformanceGridOptions}
 * @throws InvalidRecordError for a non-finite importance or performance, a missing name, or an element that is
 *   not an object (row named)
 * @throws InvalidOptionsError for an unknown or non-finite cut option, or `attributes` that is not an array
 * @throws InsufficientDataError for no attributes
 * @example
 * ```ts
 * const grid = importancePerformanceGrid([
 *   { name: "price", importance: 0.8, performance: 40 },
 *   { name: "speed", importance: 0.7, performance: 80 },
 *   { name: "decor", importance: 0.1, performance: 30 },
 *   { name: "music", importance: 0.2, performance: 90 },
 * ]);
 * Object.entries(grid.quadrants);
 * // => [["concentrate here", ["price"]], ["keep up the good work", ["speed"]], ["low priority", ["decor"]],
 * //     ["possible overkill", ["music"]]]
 * ```
 */
export function importancePerformanceGrid(
  attributes: readonly ImportancePerformanceGridAttribute[],
  options: ImportancePerformanceGridOptions = {},
): ImportancePerformanceGridResult {
  const parsed = checkOptions(NAME, importancePerformanceGridShape, options);
  if (!Array.isArray(attributes)) {
    throw argumentError(NAME, "attributes", "expected an array of attributes", attributes);
  }
  if (attributes.length === 0) throw new InsufficientDataError(NAME, "no attributes to place on the grid");
  attributes.forEach((attribute, row) => {
    if (typeof attribute?.name !== "string" || attribute.name === "") {
      throw new InvalidRecordError(NAME, row, "name", attribute?.name, "expected a non-empty attribute name");
    }
    for (const field of ["importance", "performance"] as const) {
      if (typeof attribute[field] !== "number" || !Number.isFinite(attribute[field])) {
        throw new InvalidRecordError(NAME, row, field, attribute[field], "expected a finite number");
      }
    }
  });
  const importanceCut = parsed.importanceCut ?? meanOf(attributes, "importance");
  const performanceCut = parsed.performanceCut ?? meanOf(attributes, "performance");
  const quadrants: Record<ImportancePerformanceQuadrant, string[]> = {
    "concentrate here": [],
    "keep up the good work": [],
    "low priority": [],
    "possible overkill": [],
  };
  const placed = attributes.map((attribute) => {
    const important = attribute.importance >= importanceCut;
    const performing = attribute.performance >= performanceCut;
    const quadrant: ImportancePerformanceQuadrant = important
      ? performing
        ? "keep up the good work"
        : "concentrate here"
      : performing
        ? "possible overkill"
        : "low priority";
    quadrants[quadrant].push(attribute.name);
    return {
      name: attribute.name,
      importance: attribute.importance,
      performance: attribute.performance,
      quadrant,
    };
  });
  return withDisplay(
    { attributes: placed, quadrants, importanceCut, performanceCut },
    {
      title: "Importance-performance grid",
      summary: (r) => [
        `cuts: importance ${r.importanceCut.toPrecision(4)}, performance ${r.performanceCut.toPrecision(4)}`,
      ],
      rows: (r) => r.attributes,
    },
  );
}
