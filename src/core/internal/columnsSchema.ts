import * as z from "zod/mini";
import { lengthAtLeast } from "../options.js";

/** Schema of a `columns` option: distinct, non-empty column names. */
export const columnsSchema = z
  .array(z.string().check(lengthAtLeast(1, "column names must be non-empty")))
  .check(z.refine((names) => new Set(names).size === names.length, "column names must be distinct"));
