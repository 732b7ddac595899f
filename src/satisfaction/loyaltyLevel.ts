import * as z from "zod/mini";
import { argumentError } from "../core/internal/arguments.js";
import { optionalSchema, optionsSchema } from "../core/internal/optionChecks.js";
import { parseOptions, wholeNumber } from "../core/options.js";

/**
 * Oliver's four loyalty phases, or "none".
 *
 * @example
 * ```ts
 * const level: LoyaltyLevel = loyaltyLevel({ cognitive: true }); // => "cognitive"
 * ```
 */
export type LoyaltyLevel = "none" | "cognitive" | "affective" | "conative" | "action";

/**
 * What is known about one customer.
 *
 * @example
 * ```ts
 * loyaltyLevel({ cognitive: true, affective: true, conative: true, repurchases: 1 }); // => "conative"
 * ```
 */
export interface LoyaltyLevelEvidence {
  /** Believes the offer is better than the alternatives (information on attributes, price). */
  readonly cognitive?: boolean;
  /** Likes it: a positive attitude built from satisfying use. */
  readonly affective?: boolean;
  /** Intends to buy again (a stated commitment). */
  readonly conative?: boolean;
  /** Repeat purchases made (purchases after the first). */
  readonly repurchases?: number;
}

/**
 * Options of {@link loyaltyLevel}.
 *
 * @example
 * ```ts
 * loyaltyLevel({ repurchases: 3 }, { minRepurchases: 5 }); // => "none"
 * loyaltyLevel({ repurchases: 5 }, { minRepurchases: 5 }); // => "action"
 * ```
 */
export interface LoyaltyLevelOptions {
  /** Repurchases needed for action loyalty ("a loyal customer repurchases at least three times"). @defaultValue 3 */
  readonly minRepurchases?: number;
}

const NAME = "loyaltyLevel";
const schema = /* @__PURE__ */ optionsSchema({
  minRepurchases: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.number().check(/* @__PURE__ */ wholeNumber(), /* @__PURE__ */ z.gte(1)),
    3,
  ),
});
const flag = /* @__PURE__ */ optionalSchema(/* @__PURE__ */ z.boolean("expected true, false or undefined"));
const evidenceSchema = /* @__PURE__ */ optionsSchema({
  cognitive: flag,
  affective: flag,
  conative: flag,
  repurchases: /* @__PURE__ */ optionalSchema(
    /* @__PURE__ */ z
      .number("expected a non-negative integer")
      .check(
        /* @__PURE__ */ z.int("expected a non-negative integer"),
        /* @__PURE__ */ z.gte(0, "expected a non-negative integer"),
      ),
  ),
});

/**
 * The deepest of Oliver's (1999) loyalty phases a customer has reached: cognitive (believes the brand is
 * better), affective (likes it), conative (intends to rebuy), action (actually rebuys — here at least
 * `minRepurchases` repeat purchases). Behaviour outranks attitude: enough repurchases give "action" whatever
 * the attitudes; otherwise the deepest attitude flagged true wins; nothing → "none".
 *
 * Reference: Oliver (1999), Whence consumer loyalty?, Journal of Marketing 63 (special issue), 33-44.
 *
 * @param evidence - see {@link LoyaltyLevelEvidence}
 * @param options - see {@link LoyaltyLevelOptions}
 * @throws InvalidOptionsError (paths `evidence.*`) for evidence that is not an object, an unknown key
 *   (`conatve`: a typo must not silently answer "none"), an attitude that is not a boolean (`"yes"`, 1), or a
 *   negative or non-integer `repurchases`; and for an unknown or invalid option
 * @example
 * ```ts
 * loyaltyLevel({ cognitive: true, affective: true });   // => "affective"
 * loyaltyLevel({ conative: true, repurchases: 2 });      // => "conative"
 * loyaltyLevel({ repurchases: 3 });                      // => "action"
 * ```
 */
export function loyaltyLevel(
  evidence: LoyaltyLevelEvidence,
  options: LoyaltyLevelOptions = {},
): LoyaltyLevel {
  const { minRepurchases } = parseOptions(NAME, schema, options);
  if (evidence === null || typeof evidence !== "object" || Array.isArray(evidence)) {
    throw argumentError(NAME, "evidence", "expected an object", evidence);
  }
  const known = parseOptions(NAME, evidenceSchema, evidence, "evidence");
  if ((known.repurchases ?? 0) >= minRepurchases) return "action";
  if (known.conative === true) return "conative";
  if (known.affective === true) return "affective";
  if (known.cognitive === true) return "cognitive";
  return "none";
}
