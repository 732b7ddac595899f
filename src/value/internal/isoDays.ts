import { isoDate, MS_PER_DAY } from "../../core/index.js";

/**
 * A memoised `isoDate` of UTC day numbers: every customer row carries first/last purchase dates,
 * and customers share a few hundred distinct days, so one string per distinct day is made and
 * shared instead of a Date, an ISO string and a slice per row (at millions of rows that garbage,
 * promoted with the rows, forced extra full collections of the heap).
 */
export function isoDayFormatter(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = isoDate(day * MS_PER_DAY);
      cache.set(day, text);
    }
    return text;
  };
}
