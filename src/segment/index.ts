/**
 * clientele/segment — customer segmentation: feature matrices with recorded
 * transforms, seeded k-means, choosing k, segment profiles and assignment of new customers.
 * @module
 */
export { adjustedRandIndex } from "./adjustedRandIndex.js";
export { type ApplyFeaturesOptions, applyFeatures } from "./applyFeatures.js";
export { type AssignSegmentsOptions, type AssignSegmentsResult, assignSegments } from "./assignSegments.js";
export {
  type ChooseKCriterion,
  type ChooseKOptions,
  type ChooseKResult,
  type ChooseKRow,
  chooseK,
} from "./chooseK.js";
export { type CutTreeOptions, cutTree } from "./cutTree.js";
export { type DistanceMatrix, distanceMatrix, MAX_DISTANCE_MATRIX_ROWS } from "./distanceMatrix.js";
export { DistanceMatrixTooLargeError } from "./distanceMatrixTooLargeError.js";
export { type EuclideanDistancesOptions, euclideanDistances } from "./euclideanDistances.js";
export {
  type FeatureMatrixMissingPolicy,
  type FeatureMatrixOptions,
  type FeatureMatrixResult,
  type FeatureMatrixStep,
  type FeatureMatrixTransform,
  type FeatureMatrixTransformName,
  type FeatureMatrixTransforms,
  featureMatrix,
} from "./featureMatrix.js";
export {
  type GowerDistanceOptions,
  type GowerDistanceResult,
  type GowerFieldSpec,
  type GowerFieldType,
  gowerDistance,
} from "./gowerDistance.js";
export {
  type HierarchicalClusteringLinkage,
  type HierarchicalClusteringOptions,
  type HierarchicalClusteringResult,
  hierarchicalClustering,
} from "./hierarchicalClustering.js";
export { type KMeansOptions, type KMeansResult, kMeans } from "./kMeans.js";
export { type KMeansStep, type KMeansStepsOptions, kMeansSteps } from "./kMeansSteps.js";
export {
  type KMedoidsOptions,
  type KMedoidsResult,
  type KMedoidsSilhouette,
  kMedoids,
} from "./kMedoids.js";
export { type KPrototypesOptions, type KPrototypesResult, kPrototypes } from "./kPrototypes.js";
export {
  type SegmentProfile,
  type SegmentProfileKeyFeature,
  type SegmentProfilesLabelWords,
  type SegmentProfilesOptions,
  type SegmentProfilesResult,
  segmentProfiles,
} from "./segmentProfiles.js";
export {
  type SegmentStabilityFit,
  type SegmentStabilityOptions,
  type SegmentStabilityResult,
  type SegmentStabilityRow,
  segmentStability,
} from "./segmentStability.js";
