/**
 * The latent model behind the generated ECSI survey answers: a recursive
 * structural model with the 12 ECSI paths (Tenenhaus et al. 2005, fig. 1),
 * standardised so every latent variable has variance 1 when the behaviour
 * shift is 0, and reflective items `mean + scale * (loading * latent + sqrt(1 - loading^2) * noise)`,
 * rounded and clipped to 1..10.
 * @internal
 */
import type { Random } from "../../core/index.js";

/** Latent variables, in causal order. */
export const LATENTS = [
  "Image",
  "Expectation",
  "Quality",
  "Value",
  "Satisfaction",
  "Complaints",
  "Loyalty",
] as const;
/** A latent variable of the ECSI model. */
export type Latent = (typeof LATENTS)[number];

/** Planted standardised path coefficients (from -> to). */
export const SURVEY_PATHS: readonly (readonly [from: Latent, to: Latent, coefficient: number])[] = [
  ["Image", "Expectation", 0.5],
  ["Image", "Satisfaction", 0.2],
  ["Image", "Loyalty", 0.2],
  ["Expectation", "Quality", 0.55],
  ["Expectation", "Value", 0.2],
  ["Expectation", "Satisfaction", 0.05],
  ["Quality", "Value", 0.55],
  ["Quality", "Satisfaction", 0.5],
  ["Value", "Satisfaction", 0.2],
  ["Satisfaction", "Complaints", 0.55],
  ["Satisfaction", "Loyalty", 0.5],
  ["Complaints", "Loyalty", 0.1],
];

/** One survey item: its block, loading, and the mean and spread of its 1..10 scale. */
export interface SurveyItem {
  readonly name: string;
  readonly latent: Latent;
  readonly loading: number;
  readonly mean: number;
  readonly scale: number;
}

// Means follow the ECSI mobile-phone data (Tenenhaus et al. 2005; seminr `mobi`), loadings 0.7-0.9,
// CUSL2 (price tolerance) deliberately weak as in the real data.
export const SURVEY_ITEMS: readonly SurveyItem[] = (
  [
    // name, latent, loading, mean, scale
    ["IMAG1", "Image", 0.8, 7.6, 1.6],
    ["IMAG2", "Image", 0.72, 7.8, 1.5],
    ["IMAG3", "Image", 0.7, 6.7, 1.9],
    ["IMAG4", "Image", 0.82, 7.6, 1.6],
    ["IMAG5", "Image", 0.75, 7.9, 1.5],
    ["CUEX1", "Expectation", 0.8, 7.6, 1.6],
    ["CUEX2", "Expectation", 0.78, 7.5, 1.6],
    ["CUEX3", "Expectation", 0.7, 7.4, 1.9],
    ["PERQ1", "Quality", 0.85, 7.9, 1.4],
    ["PERQ2", "Quality", 0.72, 7.2, 1.7],
    ["PERQ3", "Quality", 0.8, 7.7, 1.6],
    ["PERQ4", "Quality", 0.8, 7.9, 1.5],
    ["PERQ5", "Quality", 0.74, 7.9, 1.4],
    ["PERQ6", "Quality", 0.8, 7.8, 1.5],
    ["PERQ7", "Quality", 0.78, 7.6, 1.6],
    ["PERV1", "Value", 0.88, 6.2, 1.9],
    ["PERV2", "Value", 0.9, 6.9, 1.8],
    ["CUSA1", "Satisfaction", 0.85, 8.0, 1.3],
    ["CUSA2", "Satisfaction", 0.82, 7.1, 1.6],
    ["CUSA3", "Satisfaction", 0.82, 7.3, 1.7],
    ["CUSCO", "Complaints", 0.9, 7.1, 1.9],
    ["CUSL1", "Loyalty", 0.85, 7.5, 2.0],
    ["CUSL2", "Loyalty", 0.45, 5.0, 2.4],
    ["CUSL3", "Loyalty", 0.88, 7.7, 1.8],
  ] as const
).map(([name, latent, loading, mean, scale]) => ({ name, latent, loading, mean, scale }));

/** Weights of the NPS answer on the standardised Loyalty and Satisfaction scores, its mean, spread and noise sd. */
export const NPS_MODEL = { loyalty: 0.65, satisfaction: 0.25, mean: 7.7, scale: 2.0, noise: 0.45 } as const;

/** Indices of the latents, in causal order. */
const LATENT_INDEX: Readonly<Record<Latent, number>> = Object.fromEntries(
  LATENTS.map((name, index) => [name, index]),
) as Record<Latent, number>;

/** A compiled model: draws latent scores and item answers into reusable buffers. */
export interface SurveyModel {
  /**
   * Draws one respondent. `shift` moves Satisfaction (and half of it Quality) in latent sd units:
   * negative for unhappy customers. Fills `items` (24 answers, in SURVEY_ITEMS order) and returns the NPS answer.
   */
  draw(random: Random, shift: number, items: Int32Array): number;
}

/** Compiles the model: residual variances chosen so every latent has variance 1 when shift = 0. */
export function createSurveyModel(): SurveyModel {
  const count = LATENTS.length;
  const parents: { index: number; coefficient: number }[][] = LATENTS.map(() => []);
  for (const [from, to, coefficient] of SURVEY_PATHS) {
    parents[LATENT_INDEX[to]]?.push({ index: LATENT_INDEX[from], coefficient });
  }
  // Covariance of the latents, filled in causal order.
  const covariance = new Float64Array(count * count);
  const residualSd = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const own = parents[j] ?? [];
    for (let k = 0; k < j; k++) {
      let cov = 0;
      for (const parent of own) cov += parent.coefficient * (covariance[parent.index * count + k] as number);
      covariance[j * count + k] = cov;
      covariance[k * count + j] = cov;
    }
    let explained = 0;
    for (const a of own) {
      for (const b of own)
        explained += a.coefficient * b.coefficient * (covariance[a.index * count + b.index] as number);
    }
    if (own.length === 0) explained = 0;
    const residual = 1 - explained;
    if (!(residual > 0)) throw new Error(`survey model: latent ${LATENTS[j]} over-explained (${explained})`);
    residualSd[j] = Math.sqrt(residual);
    covariance[j * count + j] = 1;
  }
  const latent = new Float64Array(count);
  const itemLatent = Int32Array.from(SURVEY_ITEMS, (item) => LATENT_INDEX[item.latent]);
  const itemLoading = Float64Array.from(SURVEY_ITEMS, (item) => item.loading);
  const itemNoise = Float64Array.from(SURVEY_ITEMS, (item) => Math.sqrt(1 - item.loading * item.loading));
  const itemMean = Float64Array.from(SURVEY_ITEMS, (item) => item.mean);
  const itemScale = Float64Array.from(SURVEY_ITEMS, (item) => item.scale);
  const quality = LATENT_INDEX.Quality;
  const satisfaction = LATENT_INDEX.Satisfaction;
  const loyalty = LATENT_INDEX.Loyalty;

  return {
    draw(random, shift, items) {
      for (let j = 0; j < count; j++) {
        let value = (residualSd[j] as number) * random.normal();
        for (const parent of parents[j] ?? []) value += parent.coefficient * (latent[parent.index] as number);
        if (j === quality) value += 0.5 * shift;
        else if (j === satisfaction) value += shift;
        latent[j] = value;
      }
      for (let i = 0; i < itemLatent.length; i++) {
        const score =
          (itemMean[i] as number) +
          (itemScale[i] as number) *
            ((itemLoading[i] as number) * (latent[itemLatent[i] as number] as number) +
              (itemNoise[i] as number) * random.normal());
        items[i] = Math.min(10, Math.max(1, Math.round(score)));
      }
      const nps =
        NPS_MODEL.mean +
        NPS_MODEL.scale *
          (NPS_MODEL.loyalty * (latent[loyalty] as number) +
            NPS_MODEL.satisfaction * (latent[satisfaction] as number) +
            NPS_MODEL.noise * random.normal());
      return Math.min(10, Math.max(0, Math.round(nps)));
    },
  };
}
