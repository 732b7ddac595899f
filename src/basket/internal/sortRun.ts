/**
 * Sorts `data[from..to)` ascending in place: insertion sort for the short runs
 * of baskets and itemsets, the typed-array sort for runs longer than 32.
 */
export function sortRunAscending(data: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    data.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = data[i] as number;
    let j = i - 1;
    while (j >= from && (data[j] as number) > value) {
      data[j + 1] = data[j] as number;
      j--;
    }
    data[j + 1] = value;
  }
}
