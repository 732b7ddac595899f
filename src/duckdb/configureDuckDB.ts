import { checkOptions, emptyTextProblem, numeric, textWhere, union } from "../core/internal/optionRules.js";
import { setInstanceSettings } from "./internal/source.js";

/**
 * Settings of the DuckDB instance clientele/duckdb opens for file sources (a caller's own
 * `{ connection }` keeps its own settings).
 *
 * @example
 * ```ts
 * const settings: DuckDBSettings = { memoryLimit: "1GB", threads: 2 };
 * ```
 */
export interface DuckDBSettings {
  /**
   * DuckDB's `memory_limit`: the most its buffer pool (hash tables of the aggregations, sorts) holds
   * in memory before it spills to `tempDirectory`, e.g. `"1GB"`, `"512MiB"`, or a number of bytes.
   * DuckDB's own default is 80% of the machine's RAM, which a Node process sharing the machine may
   * not want: 50M order lines aggregate in `"1GB"` with a peak RSS of about 1.5 GB (see BENCHMARKS.md).
   * @defaultValue DuckDB's default (80% of RAM)
   */
  readonly memoryLimit?: string | number;
  /** DuckDB's `threads`: worker threads of a query. @defaultValue DuckDB's default (the CPU cores) */
  readonly threads?: number;
  /**
   * Where DuckDB spills what does not fit in `memoryLimit`.
   * @defaultValue DuckDB's default (a `.tmp` folder in the working directory)
   */
  readonly tempDirectory?: string;
}

const MEMORY = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)\s*$/i;

/** Rules of configureDuckDB's settings. Exported for the equivalence test of duckdb's option rules; not in the module index. */
export const configureDuckDBShape = {
  memoryLimit: union<string | number>(
    textWhere((text) => (MEMORY.test(text) ? undefined : 'expected a size such as "1GB" or "512MiB"')),
    numeric({ gte: 1_048_576, whole: true }),
  ),
  threads: numeric({ gte: 1, lte: 1024, whole: true }),
  tempDirectory: textWhere(
    (text) =>
      emptyTextProblem(text) ??
      (text.includes("\u0000") ? "expected a path without NUL characters" : undefined),
  ),
};

/**
 * Sets the memory limit, threads and spill folder of the DuckDB instance the clientele/duckdb
 * functions open for file sources (one per process, shared by their calls): applied at once when the
 * instance exists (with DuckDB's `SET`, the values bound as SQL strings), else when it is created.
 * Settings not given keep their current value. With a memory limit, DuckDB's aggregations spill to
 * disk instead of growing: that is what keeps 50M order lines under 2 GB of peak RSS.
 *
 * @param settings - see {@link DuckDBSettings}
 * @returns the settings now in force (those set so far)
 * @throws InvalidOptionsError for a malformed size, a non-integer thread count or an unknown key
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @example
 * ```ts
 * // then every twin reading a file runs in that instance, e.g. rfmTable("order-lines-*.parquet", options)
 * await configureDuckDB({ memoryLimit: "1GB", threads: 2 });
 * // => { memoryLimit: "1GB", threads: 2 }
 * ```
 */
export async function configureDuckDB(settings: DuckDBSettings): Promise<DuckDBSettings> {
  const parsed = checkOptions("configureDuckDB", configureDuckDBShape, settings);
  const values: Record<string, string> = {};
  if (parsed.memoryLimit !== undefined) {
    values.memory_limit =
      typeof parsed.memoryLimit === "number"
        ? `${Math.floor(parsed.memoryLimit / 1_048_576)}MiB`
        : parsed.memoryLimit.trim();
  }
  if (parsed.threads !== undefined) values.threads = String(parsed.threads);
  if (parsed.tempDirectory !== undefined) values.temp_directory = parsed.tempDirectory;
  await setInstanceSettings("configureDuckDB", values);
  const out: { memoryLimit?: string | number; threads?: number; tempDirectory?: string } = {};
  for (const key of ["memoryLimit", "threads", "tempDirectory"] as const) {
    if (parsed[key] !== undefined) Object.assign(currentSettings, { [key]: parsed[key] });
    if (currentSettings[key] !== undefined) Object.assign(out, { [key]: currentSettings[key] });
  }
  return out;
}

/** The settings given so far (echoed by {@link configureDuckDB}). */
const currentSettings: { memoryLimit?: string | number; threads?: number; tempDirectory?: string } = {};
