/** A value that means "not known" in a record: `null`, `undefined`, `""` or NaN. */
export const isMissing = (value: unknown): value is null | undefined | "" =>
  value === null || value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));
