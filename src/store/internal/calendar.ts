/**
 * Day numbers (days since 1970-01-01, UTC) and a precomputed table of their
 * ISO strings, so the generator's loops never parse or format a `Date`.
 * @internal
 */
import { MS_PER_DAY } from "../../core/index.js";

/** Day number of a calendar date (month 1..12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Year, month (1..12) and day of a day number. */
export function calendarOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day `months` calendar months after `day`, with the day of month clamped
 * to the target month's length (Jan 31 + 1 month = Feb 29 in 2024).
 */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dayOfMonth } = calendarOf(day);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  return dayNumber(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

/** ISO date strings of a contiguous range of day numbers, built once. */
export class DayTable {
  readonly first: number;
  readonly last: number;
  private readonly strings: string[];

  constructor(first: number, last: number) {
    this.first = first;
    this.last = last;
    this.strings = new Array<string>(last - first + 1);
    for (let day = first; day <= last; day++) {
      this.strings[day - first] = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    }
  }

  /** ISO date of a day number inside the table. */
  iso(day: number): string {
    const text = this.strings[day - this.first];
    if (text === undefined) throw new RangeError(`day ${day} outside the table ${this.first}..${this.last}`);
    return text;
  }

  /** ISO date-time `YYYY-MM-DDTHH:MM:00Z` of a minute count since 1970-01-01. */
  isoMinute(minute: number): string {
    const day = Math.floor(minute / 1440);
    const inDay = minute - day * 1440;
    const hour = Math.floor(inDay / 60);
    const min = inDay - hour * 60;
    return `${this.iso(day)}T${hour < 10 ? "0" : ""}${hour}:${min < 10 ? "0" : ""}${min}:00Z`;
  }
}
