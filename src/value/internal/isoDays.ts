import { isoDate, MS_PER_DAY } from "../../core/index.js";

/**
 * A memoised `isoDate` of UTC day numbers: every customer row carries first/last purchase dates,
 * and customers share a few hundred distinct days, so one string per distinct day is made and
 * shared instead of a Date, an ISO string and a slice per row (at millions of rows that garbage,
 * promoted with the rows, forced extra full collections of the heap). The cache is an array indexed
 * by day: a Map keyed by numbers doubled the DuckDB twins' own JS time at 400,000 customers.
 */
export function isoDayFormatter(): (day: number) => string {
  const cache: string[] = [];
  return (day) => (cache[day] ??= isoDate(day * MS_PER_DAY));
}
