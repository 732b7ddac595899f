/**
 * The k-means point loops one fit uses, for one number of features d: written out for that d
 * (`source.ts`, compiled by `kernels.ts`) or the general loops (`lloydEngine.ts`). Every kernel takes d
 * (the written-out ones ignore it) and writes the inertia to `tally[0]` and the number of changed
 * labels to `tally[1]`.
 */
export interface LloydKernels {
  /** Every centre for every point; sums and counts when `accumulate`; distances kept when `distances.length === n`. */
  readonly plain: (
    data: Float64Array,
    n: number,
    d: number,
    centres: Float64Array,
    k: number,
    labels: Int32Array,
    distances: Float64Array,
    sums: Float64Array,
    counts: Float64Array,
    accumulate: boolean,
    tally: Float64Array,
  ) => void;
  /** First pass with Hamerly's bounds: every centre, the second-nearest distance into `lower`. */
  readonly first: (
    data: Float64Array,
    n: number,
    d: number,
    centres: Float64Array,
    k: number,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
    lower: Float64Array,
    tally: Float64Array,
  ) => void;
  /** Later passes with Hamerly's bounds, loosened by the centre movement. */
  readonly bounded: (
    data: Float64Array,
    n: number,
    d: number,
    centres: Float64Array,
    k: number,
    labels: Int32Array,
    sums: Float64Array,
    counts: Float64Array,
    lower: Float64Array,
    halfGap: Float64Array,
    largestAt: number,
    largest: number,
    second: number,
    tally: Float64Array,
  ) => void;
  /** k-means++: squared distance to the point at `pointAt`, stored (`first`) or min-ed into `closest`; returns their sum. */
  readonly closest: (
    data: Float64Array,
    n: number,
    d: number,
    pointAt: number,
    closest: Float64Array,
    first: boolean,
  ) => number;
  /** k-means++: per candidate t of 4, sum over points of min(closest, squared distance to candidate t), in point order. */
  readonly potential: (
    data: Float64Array,
    n: number,
    d: number,
    candidates: Float64Array,
    closest: Float64Array,
    potentials: Float64Array,
  ) => void;
  /** The branch-free d = 3, k <= 8 bounded pass (compiled kernels for d = 3 only), else null. */
  readonly tree:
    | ((
        data: Float64Array,
        n: number,
        slots: Float64Array,
        labels: Int32Array,
        lower: Float64Array,
        accumulators: Float64Array,
        first: boolean,
        tally: Float64Array,
      ) => void)
    | null;
}
