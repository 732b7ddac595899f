/** Saving features by name in a churn model's JSON form. */
import type { ChurnModelJsonFeature } from "../trainChurnModelTypes.js";
import type { ResolvedFeature } from "./featureSpec.js";

/** A feature's JSON form: its name, and whether an accessor (not saved) reads it. */
export function churnModelJsonFeature<T>(feature: ResolvedFeature<T>): ChurnModelJsonFeature {
  return { name: feature.name, accessor: feature.key === undefined };
}
