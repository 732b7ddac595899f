import { MS_PER_DAY, parseDateValue } from "../../core/index.js";
import type { CrmPeriod } from "../types.js";
import { periodLabel } from "./periods.js";

/**
 * A date parser that remembers the strings it has parsed: record logs repeat the
 * same dates many times, so each distinct string is parsed once per call.
 */
export function cachedDateParser(): (value: unknown) => number | undefined {
  const cache = new Map<string, number | undefined>();
  return (value) => {
    if (typeof value !== "string") return parseDateValue(value);
    if (cache.has(value)) return cache.get(value);
    const time = parseDateValue(value);
    if (cache.size < 100_000) cache.set(value, time);
    return time;
  };
}

/** Period labels memoised per UTC day (the label depends only on the day). */
export function cachedPeriodLabel(period: CrmPeriod): (time: number) => string {
  const cache = new Map<number, string>();
  return (time) => {
    const day = Math.floor(time / MS_PER_DAY);
    let label = cache.get(day);
    if (label === undefined) {
      label = periodLabel(time, period);
      cache.set(day, label);
    }
    return label;
  };
}
