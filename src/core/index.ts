/**
 * Shared kernels: fields, validation errors, dates, seeded random numbers,
 * quantiles, compensated sums, progress callbacks and result display.
 * @module
 */

export {
  type ArrowColumnLike,
  type ArrowTableLike,
  type ColumnarRecords,
  type RecordInput,
  recordCount,
} from "./columnar.js";
export { DAYS_PER_UNIT, daysBetween, isoDate, MS_PER_DAY, parseDateValue, type TimeUnit } from "./dates.js";
export {
  type DisplaySpec,
  displayRows,
  escapeHtml,
  formatCell,
  formatTable,
  htmlTable,
  TABLE_ROWS,
  type TableFormatOptions,
  withDisplay,
} from "./display.js";
export {
  ClienteleError,
  describeValue,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  type OptionIssue,
} from "./errors.js";
export {
  type CodedColumn,
  type Field,
  type ReadContext,
  type ReadOptions,
  type ResolvedField,
  readCodes,
  readDates,
  readDays,
  readNumbers,
  resolveField,
} from "./fields.js";
export { parseDecimal } from "./parseDecimal.js";
export { type ProgressCallback, type ProgressEvent, progressReporter } from "./progress.js";
export { median, quantile, quantileSorted, quantiles, sortedFinite } from "./quantile.js";
export { createRandom, type Random } from "./random.js";
export { assertRecordArray } from "./records.js";
export { CompensatedSum, compensatedSum, type SampleSummary, summarize } from "./sum.js";
