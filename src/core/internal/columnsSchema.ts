import { z } from "zod";

/** Schema of a `columns` option: distinct, non-empty column names. */
export const columnsSchema = z
  .array(z.string().min(1, "column names must be non-empty"))
  .refine((names) => new Set(names).size === names.length, "column names must be distinct");
