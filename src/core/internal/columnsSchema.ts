import * as z from "zod/mini";
import { lengthAtLeast } from "../options.js";

/** Schema of a `columns` option: distinct, non-empty column names. */
export const columnsSchema = /* @__PURE__ */ z
  .array(/* @__PURE__ */ z.string().check(/* @__PURE__ */ lengthAtLeast(1, "column names must be non-empty")))
  .check(
    /* @__PURE__ */ z.refine(
      (names) => new Set(names).size === names.length,
      "column names must be distinct",
    ),
  );
