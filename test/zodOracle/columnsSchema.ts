/*
 * Test oracle (session 8). The library checked its options with zod schemas run through this parseOptions
 * until every module moved to core's option rules (src/core/internal/optionRules.ts). It is kept here, with
 * zod as a dev dependency, as the independent implementation the option rules are compared with: each
 * module's equivalence test rebuilds its old zod schemas and checks that both give the same options or the
 * same issues on random option objects. Nothing under src/ imports it outside tests.
 */
import * as z from "zod/mini";
import { lengthAtLeast } from "./options.js";

/** Schema of a `columns` option: distinct, non-empty column names. */
export const columnsSchema = /* @__PURE__ */ z
  .array(/* @__PURE__ */ z.string().check(/* @__PURE__ */ lengthAtLeast(1, "column names must be non-empty")))
  .check(
    /* @__PURE__ */ z.refine(
      (names) => new Set(names).size === names.length,
      "column names must be distinct",
    ),
  );
