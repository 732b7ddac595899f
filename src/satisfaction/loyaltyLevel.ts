import { argumentError } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, nested, numeric, required } from "../core/internal/optionRules.js";

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
/**
 * Rules of loyaltyLevel's options. Exported for the equivalence test of satisfaction's option rules; not
 * in the module index.
 */
export const loyaltyLevelShape = {
  minRepurchases: /* @__PURE__ */ numeric({ gte: 1, whole: true }),
};

const attitude = /* @__PURE__ */ custom<boolean>("true or false", (value) =>
  typeof value === "boolean" ? undefined : "expected true, false or undefined",
);

/** Rules of the evidence, checked as an object of its own under the name `evidence` (paths `evidence.*`). */
export const loyaltyEvidenceShape = {
  evidence: /* @__PURE__ */ required(
    /* @__PURE__ */ nested({
      cognitive: attitude,
      affective: attitude,
      conative: attitude,
      repurchases: /* @__PURE__ */ custom<number>("a non-negative integer", (value) =>
        Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : "expected a non-negative integer",
      ),
    }),
  ),
};

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
  const { minRepurchases } = withDefaults(checkOptions(NAME, loyaltyLevelShape, options), {
    minRepurchases: 3,
  });
  if (evidence === null || typeof evidence !== "object" || Array.isArray(evidence)) {
    throw argumentError(NAME, "evidence", "expected an object", evidence);
  }
  const known = checkOptions(NAME, loyaltyEvidenceShape, { evidence }).evidence;
  if ((known.repurchases ?? 0) >= minRepurchases) return "action";
  if (known.conative === true) return "conative";
  if (known.affective === true) return "affective";
  if (known.cognitive === true) return "cognitive";
  return "none";
}
