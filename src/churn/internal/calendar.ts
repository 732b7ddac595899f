/**
 * Calendar periods of UTC day numbers (days since 1970-01-01) for cohortRetention, by integer arithmetic
 * (no Date object per record): the proleptic Gregorian civil-from-days conversion of Hinnant's
 * "chrono-compatible low-level date algorithms" (http://howardhinnant.github.io/date_algorithms.html).
 */
import { isoDate, MS_PER_DAY } from "../../core/index.js";

/** The calendar period of an acquisition cohort and of retention steps. */
export type CohortPeriod = "week" | "month" | "quarter";

/** Year and zero-based month of a UTC day number. */
export function civilFromDays(day: number): { readonly year: number; readonly month: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10; // zero-based, January = 0
  const year = yearOfEra + era * 400 + (month <= 1 ? 1 : 0);
  return { year, month };
}

/** UTC day number of the first day of a (year, zero-based month). */
export function daysFromCivil(year: number, month: number): number {
  const y = month <= 1 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month <= 1 ? month + 10 : month - 2;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Index of the period containing `day` (consecutive periods have consecutive indices). Weeks start on Monday. */
export function periodIndex(day: number, period: CohortPeriod): number {
  if (period === "week") return Math.floor((day + 3) / 7); // 1970-01-01 was a Thursday
  const { year, month } = civilFromDays(day);
  return period === "month" ? year * 12 + month : year * 4 + Math.floor(month / 3);
}

/** First day of period `index`. */
export function periodStartDay(index: number, period: CohortPeriod): number {
  if (period === "week") return index * 7 - 3;
  if (period === "month") return daysFromCivil(Math.floor(index / 12), index - 12 * Math.floor(index / 12));
  const year = Math.floor(index / 4);
  return daysFromCivil(year, (index - 4 * year) * 3);
}

/** Label of period `index`: "2024-03" (month), "2024-Q1" (quarter), the Monday "2024-03-04" (week). */
export function periodLabel(index: number, period: CohortPeriod): string {
  if (period === "week") return isoDate(periodStartDay(index, period) * MS_PER_DAY);
  if (period === "month") {
    const year = Math.floor(index / 12);
    return `${year}-${String(index - 12 * year + 1).padStart(2, "0")}`;
  }
  const year = Math.floor(index / 4);
  return `${year}-Q${index - 4 * year + 1}`;
}
