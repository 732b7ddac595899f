/**
 * log(k!) for k = 0..n, accumulated with Neumaier compensation so the table
 * stays accurate to about 1e-12 relative even for n in the millions.
 */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  let sum = 0;
  let compensation = 0;
  for (let k = 2; k <= n; k++) {
    const value = Math.log(k);
    const total = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - total + value;
    else compensation += value - total + sum;
    sum = total;
    table[k] = sum + compensation;
  }
  return table;
}

/**
 * One-sided (greater) Fisher exact test p-value of a 2x2 table with margins
 * `rowCount` (antecedent count), `columnCount` (consequent count) and total
 * `n`: P(H >= observed) for H hypergeometric. Summed in log space from the
 * observed cell outwards, through the shorter tail (1 - lower tail when the
 * observed cell is at or below the mode).
 */
export function fisherGreater(
  observed: number,
  rowCount: number,
  columnCount: number,
  n: number,
  logFactorial: Float64Array,
): number {
  const lowest = Math.max(0, rowCount + columnCount - n);
  const highest = Math.min(rowCount, columnCount);
  if (observed <= lowest) return 1;
  if (observed > highest) return 0;
  const base =
    (logFactorial[rowCount] as number) +
    (logFactorial[n - rowCount] as number) +
    (logFactorial[columnCount] as number) +
    (logFactorial[n - columnCount] as number) -
    (logFactorial[n] as number);
  const logProbability = (x: number): number =>
    base -
    (logFactorial[x] as number) -
    (logFactorial[rowCount - x] as number) -
    (logFactorial[columnCount - x] as number) -
    (logFactorial[n - rowCount - columnCount + x] as number);
  const mode = Math.floor(((rowCount + 1) * (columnCount + 1)) / (n + 2));
  if (observed > mode) {
    // upper tail: terms decrease from the observed cell upwards
    let term = 1;
    let sum = 1;
    for (let x = observed; x < highest; x++) {
      term *= ((rowCount - x) * (columnCount - x)) / ((x + 1) * (n - rowCount - columnCount + x + 1));
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.min(1, Math.exp(logProbability(observed)) * sum);
  }
  // lower tail P(H <= observed - 1): terms decrease from observed - 1 downwards
  let term = 1;
  let sum = 1;
  for (let x = observed - 1; x > lowest; x--) {
    term *= (x * (n - rowCount - columnCount + x)) / ((rowCount - x + 1) * (columnCount - x + 1));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.max(0, Math.min(1, 1 - Math.exp(logProbability(observed - 1)) * sum));
}
