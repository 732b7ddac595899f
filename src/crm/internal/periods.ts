import { MS_PER_DAY } from "../../core/index.js";

import type { CrmPeriod } from "../types.js";

/**
 * Label of the calendar period (UTC) that contains `time` (epoch ms):
 * day `"2024-03-05"`, ISO week by its Monday `"2024-03-04"`, month `"2024-03"`,
 * quarter `"2024-Q1"`, year `"2024"`. Labels sort chronologically as strings.
 */
export function periodLabel(time: number, period: CrmPeriod): string {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (period) {
    case "year":
      return String(year);
    case "quarter":
      return `${year}-Q${Math.floor(month / 3) + 1}`;
    case "month":
      return `${year}-${pad(month + 1)}`;
    case "week": {
      const day = Math.floor(time / MS_PER_DAY);
      // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
      const monday = day - ((((day + 3) % 7) + 7) % 7);
      return new Date(monday * MS_PER_DAY).toISOString().slice(0, 10);
    }
    default:
      return date.toISOString().slice(0, 10);
  }
}
