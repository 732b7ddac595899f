/**
 * Natural breaks for rfmScores: the optimal partition of ascending values into groups by the least
 * within-group sum of squares (1-D k-means, which Jenks' natural breaks approximate), solved exactly by
 * dynamic programming as in Wang & Song (2011), "Ckmeans.1d.dp: optimal k-means clustering in one
 * dimension by dynamic programming", The R Journal 3(2), with the divide-and-conquer layer fill of
 * Ckmeans.1d.dp 3.4.6 and later.
 */

/**
 * Prefix sums of the values and of their squares, each value first shifted by the middle value
 * `sorted[floor(n / 2)]` so that the differences of sums stay accurate for values far from 0.
 */
function shiftedPrefixSums(sorted: Float64Array): { sums: Float64Array; squares: Float64Array } {
  const n = sorted.length;
  const shift = sorted[n >> 1] as number;
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  let sum = 0;
  let square = 0;
  for (let i = 0; i < n; i++) {
    const value = (sorted[i] as number) - shift;
    sum += value;
    square += value * value;
    sums[i] = sum;
    squares[i] = square;
  }
  return { sums, squares };
}

/**
 * Sum of squared deviations from their mean of the values first..last, from the prefix sums: the sum of
 * squares minus count · mean². Negative rounding is read as 0. The arithmetic runs in the order
 * Ckmeans.1d.dp writes it (`sum² / count` for a group starting at 0), so that costs tie or differ to the
 * last bit exactly as they did with simple-statistics' `ckmeans`, which rfmScores used before.
 */
function withinSquares(first: number, last: number, sums: Float64Array, squares: Float64Array): number {
  let cost: number;
  if (first > 0) {
    const count = last - first + 1;
    const mean = ((sums[last] as number) - (sums[first - 1] as number)) / count;
    cost = (squares[last] as number) - (squares[first - 1] as number) - count * mean * mean;
  } else {
    const sum = sums[last] as number;
    cost = (squares[last] as number) - (sum * sum) / (last + 1);
  }
  return cost < 0 ? 0 : cost;
}

/** What one layer of the table reads and writes: layer g holds the best partitions into g + 1 groups. */
interface Layer {
  readonly sums: Float64Array;
  readonly squares: Float64Array;
  /** Least costs of values 0..i in g groups (the layer before), for i >= g − 1. */
  readonly costsBefore: Float64Array;
  /** Least costs of values 0..i in g + 1 groups, written for i >= first. */
  readonly costs: Float64Array;
  /** Best first index of the last group for g groups (the layer before). */
  readonly startsBefore: Int32Array;
  /** Best first index of the last group for g + 1 groups, written for i >= first. */
  readonly starts: Int32Array;
  /** g: the last of g + 1 groups starts at index g or later. */
  readonly group: number;
  /** First index i this layer fills (g, or n − 1 in the last layer, whose other entries are never read). */
  readonly first: number;
}

/**
 * The best start of the last group for values 0..i, searched between `low` and `high`: the group of
 * value i alone first, then candidates from both ends of the range inward (the low one first), a
 * candidate kept only when strictly cheaper. The search stops once the group from the high candidate
 * plus the cost before the low one cannot beat the best found: every candidate left has a group at least
 * as costly as the first and a cost before it at least the second. This order decides between equally
 * cheap starts the way Ckmeans.1d.dp does.
 */
function fillEntry(layer: Layer, i: number, low: number, high: number): void {
  const { sums, squares, costsBefore } = layer;
  let best = costsBefore[i - 1] as number;
  let bestStart = i;
  while (high >= low) {
    const highGroup = withinSquares(high, i, sums, squares);
    if (highGroup + (costsBefore[low - 1] as number) >= best) break;
    const lowCost = withinSquares(low, i, sums, squares) + (costsBefore[low - 1] as number);
    if (lowCost < best) {
      best = lowCost;
      bestStart = low;
    }
    low++;
    const highCost = highGroup + (costsBefore[high - 1] as number);
    if (highCost < best) {
      best = highCost;
      bestStart = high;
    }
    high--;
  }
  layer.costs[i] = best;
  layer.starts[i] = bestStart;
}

/**
 * Fills one layer by divide and conquer: the middle index of a range first, then both halves. The best
 * start never moves left as i or the number of groups grows, so the middle's best start bounds the
 * search of both halves, and the layer before bounds every search from below: O(n log n) per layer.
 */
function fillLayer(layer: Layer): void {
  const { starts, startsBefore, group, first } = layer;
  const last = starts.length - 1;
  const ranges: number[] = [first, last];
  while (ranges.length > 0) {
    const to = ranges.pop() as number;
    const from = ranges.pop() as number;
    const i = (from + to) >> 1;
    let low = Math.max(group, startsBefore[i] as number);
    if (from > first) low = Math.max(low, starts[from - 1] as number);
    let high = i - 1;
    if (to < last) high = Math.min(high, starts[to + 1] as number);
    fillEntry(layer, i, low, high);
    if (from < i) ranges.push(from, i - 1);
    if (i < to) ranges.push(i + 1, to);
  }
}

/**
 * The optimal 1-D k-means partition of ascending finite values into `wanted` groups (at most one per
 * value), as the first index of each group: `[0, ...]`, ascending. All values equal give one group.
 * Where several partitions share the least within-group sum of squares (tied data), the one
 * Ckmeans.1d.dp and simple-statistics' `ckmeans` return. O(groups · n log n) time; memory: two rows of
 * n costs and `groups` rows of n Int32 starts.
 */
export function optimalGroupStarts(sorted: Float64Array, wanted: number): Int32Array {
  const n = sorted.length;
  const groups = Math.min(wanted, n);
  if (groups <= 1 || sorted[0] === sorted[n - 1]) return Int32Array.of(0);
  const { sums, squares } = shiftedPrefixSums(sorted);
  const starts = new Int32Array(groups * n);
  let costsBefore = new Float64Array(n);
  let costs = new Float64Array(n);
  for (let i = 0; i < n; i++) costsBefore[i] = withinSquares(0, i, sums, squares);
  for (let group = 1; group < groups; group++) {
    fillLayer({
      sums,
      squares,
      costsBefore,
      costs,
      startsBefore: starts.subarray((group - 1) * n, group * n),
      starts: starts.subarray(group * n, (group + 1) * n),
      group,
      first: group < groups - 1 ? group : n - 1,
    });
    [costsBefore, costs] = [costs, costsBefore];
  }
  const firsts = new Int32Array(groups);
  let end = n - 1;
  for (let group = groups - 1; group > 0; group--) {
    const start = starts[group * n + end] as number;
    firsts[group] = start;
    end = start - 1;
  }
  return firsts;
}

/**
 * Natural breaks of ascending finite values for `bins` scores: the optimal 1-D k-means groups
 * ({@link optimalGroupStarts}, at most one group per value), turned into breaks as the largest value at
 * or below the midpoint of two neighbouring group means. Every value then goes to its nearest group
 * mean, so equal values share a score even where the optimal groups split a tie, and the within-group
 * sum of squares stays the optimum. A repeated break is dropped, so fewer distinct values than bins
 * give fewer breaks, and one distinct value none.
 */
export function naturalBreaks(sorted: Float64Array, bins: number): number[] {
  const n = sorted.length;
  const firsts = optimalGroupStarts(sorted, bins);
  const means: number[] = [];
  for (let group = 0; group < firsts.length; group++) {
    const start = firsts[group] as number;
    const end = group + 1 < firsts.length ? (firsts[group + 1] as number) : n;
    let sum = 0;
    for (let i = start; i < end; i++) sum += sorted[i] as number;
    means.push(sum / (end - start));
  }
  const out: number[] = [];
  for (let k = 0; k + 1 < means.length; k++) {
    const midpoint = ((means[k] as number) + (means[k + 1] as number)) / 2;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((sorted[middle] as number) <= midpoint) low = middle;
      else high = middle - 1;
    }
    const top = sorted[low] as number;
    if (out.length === 0 || top > (out[out.length - 1] as number)) out.push(top);
  }
  return out;
}
