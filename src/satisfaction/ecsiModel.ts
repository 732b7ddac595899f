import type { PlsPathModelPath } from "./plsPathModel.js";

/** Freezes an object and everything it holds, so the shared model definition cannot be changed by a caller. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The standard 7-construct ECSI (European Customer Satisfaction Index) model: the `blocks` and `paths`
 * options of {@link plsPathModel} for a survey with the item names of the ECSI mobile-phone data set
 * (Tenenhaus et al. 2005; seminr's `mobi`), which the generated store's surveys (`store.surveys`) share.
 *
 * Blocks (every one reflective, mode A): Image IMAG1-IMAG5, Expectation CUEX1-CUEX3, Quality PERQ1-PERQ7,
 * Value PERV1-PERV2, Satisfaction CUSA1-CUSA3, Complaints CUSCO (single item), Loyalty CUSL1-CUSL3.
 * Paths (12): Image → Expectation, Satisfaction, Loyalty; Expectation → Quality, Value, Satisfaction;
 * Quality → Value, Satisfaction; Value → Satisfaction; Satisfaction → Complaints, Loyalty;
 * Complaints → Loyalty. Image is the only exogenous construct.
 *
 * The constant is deeply frozen; spread it into the options and add the item scale (1-10 for both the
 * mobile-phone data and the store's surveys) so that the 0-100 index uses the full scale.
 *
 * @see Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), "PLS path modeling", Computational Statistics &
 *   Data Analysis 48, 159-205, section 1 (the ECSI model).
 * @example
 * ```ts
 * import { ECSI_MODEL, plsPathModel } from "clientele/satisfaction";
 * Object.keys(ECSI_MODEL.blocks);
 * // => ["Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"]
 * ECSI_MODEL.paths.length;
 * // => 12
 * const model = plsPathModel(store.surveys, { ...ECSI_MODEL, scale: { min: 1, max: 10 } });
 * model.constructs.length;
 * // => 7
 * ```
 */
export const ECSI_MODEL = deepFreeze({
  blocks: {
    Image: ["IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"],
    Expectation: ["CUEX1", "CUEX2", "CUEX3"],
    Quality: ["PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"],
    Value: ["PERV1", "PERV2"],
    Satisfaction: ["CUSA1", "CUSA2", "CUSA3"],
    Complaints: ["CUSCO"],
    Loyalty: ["CUSL1", "CUSL2", "CUSL3"],
  },
  paths: [
    { from: "Image", to: "Expectation" },
    { from: "Image", to: "Satisfaction" },
    { from: "Image", to: "Loyalty" },
    { from: "Expectation", to: "Quality" },
    { from: "Expectation", to: "Value" },
    { from: "Expectation", to: "Satisfaction" },
    { from: "Quality", to: "Value" },
    { from: "Quality", to: "Satisfaction" },
    { from: "Value", to: "Satisfaction" },
    { from: "Satisfaction", to: "Complaints" },
    { from: "Satisfaction", to: "Loyalty" },
    { from: "Complaints", to: "Loyalty" },
  ],
} as const satisfies {
  blocks: Record<string, readonly string[]>;
  paths: readonly PlsPathModelPath[];
});
