/**
 * How a fitted kMedoids or kPrototypes model assigns new customers: registered against the
 * result object (a WeakMap, so results stay plain data) and used by assignSegments.
 */

/** New customers' segments from a fitted model. */
export interface AssignedSegments {
  /** Segment per record, -1 for a record dropped for missing values. */
  readonly assignments: Int32Array;
  /** Distance to the segment's medoid or prototype; NaN exactly for dropped records. */
  readonly distances: Float64Array;
  readonly k: number;
}

export type SegmentAssigner = (
  functionName: string,
  records: readonly unknown[],
  missing: "error" | "drop",
) => AssignedSegments;

const registry = new WeakMap<object, SegmentAssigner>();

export function registerAssigner(model: object, assigner: SegmentAssigner): void {
  registry.set(model, assigner);
}

export function assignerOf(model: unknown): SegmentAssigner | undefined {
  return model !== null && typeof model === "object" ? registry.get(model) : undefined;
}
