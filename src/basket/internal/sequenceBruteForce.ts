/**
 * Reference implementations of sequential-pattern support written straight from the definitions, for
 * tests and the bench (not used by the library): a containment test by dynamic programming over a
 * customer's baskets, an exhaustive miner for tiny databases, and a level-wise (GSP-like) miner that
 * checks every candidate against every customer supporting its parent.
 */

/** One basket of a customer: its time (days) and items. */
export interface ReferenceBasket {
  readonly time: number;
  readonly items: readonly string[];
}

/** Constraints in days; `undefined` means none. */
export interface ReferenceConstraints {
  readonly minGap?: number | undefined;
  readonly maxGap?: number | undefined;
  readonly window?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly maxElements?: number | undefined;
  readonly maxElementSize?: number | undefined;
}

/** A pattern found with its number of customers and median shortest last gap (NaN for one element). */
export interface ReferencePattern {
  readonly elements: readonly (readonly string[])[];
  readonly count: number;
  readonly medianGap: number;
}

/** `<{a}, {b, c}>` with items as given. */
export function referenceKey(elements: readonly (readonly string[])[]): string {
  return `<${elements.map((element) => `{${element.join(", ")}}`).join(", ")}>`;
}

/**
 * Whether the baskets (time order) contain the pattern under the constraints, and then the shortest
 * time from the basket matching the second-to-last element to the one matching the last, over every
 * occurrence (NaN for one element). Returns undefined when not contained.
 * Occurrence: baskets b1 < ... < bm (positions), element i a subset of basket bi, minGap <= t(b(i+1)) -
 * t(bi) <= maxGap, t(bm) - t(b1) <= window.
 */
export function referenceContains(
  baskets: readonly ReferenceBasket[],
  elements: readonly (readonly string[])[],
  constraints: ReferenceConstraints = {},
): number | undefined {
  const minGap = constraints.minGap ?? 0;
  const maxGap = constraints.maxGap ?? Number.POSITIVE_INFINITY;
  const window = constraints.window ?? Number.POSITIVE_INFINITY;
  const n = baskets.length;
  const m = elements.length;
  const holds = (b: number, i: number) => {
    const items = (baskets[b] as ReferenceBasket).items;
    return (elements[i] as readonly string[]).every((item) => items.includes(item));
  };
  // start[b]: latest start time of an occurrence of elements[0..i] ending at basket b (-Infinity: none)
  let start = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  for (let b = 0; b < n; b++) if (holds(b, 0)) start[b] = (baskets[b] as ReferenceBasket).time;
  if (m === 1) return start.some((s) => s > Number.NEGATIVE_INFINITY) ? Number.NaN : undefined;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < m; i++) {
    const next = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
    for (let b = 0; b < n; b++) {
      if (!holds(b, i)) continue;
      const t = (baskets[b] as ReferenceBasket).time;
      for (let a = 0; a < b; a++) {
        const s = start[a] as number;
        if (s === Number.NEGATIVE_INFINITY) continue;
        const gap = t - (baskets[a] as ReferenceBasket).time;
        if (gap < minGap || gap > maxGap || t - s > window) continue;
        if (s > (next[b] as number)) next[b] = s;
        if (i === m - 1 && gap < shortest) shortest = gap;
      }
    }
    start = next;
  }
  return shortest === Number.POSITIVE_INFINITY ? undefined : shortest;
}

function medianOf(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function withinShape(elements: readonly (readonly string[])[], constraints: ReferenceConstraints): boolean {
  const length = elements.reduce((sum, element) => sum + element.length, 0);
  return (
    length <= (constraints.maxLength ?? Number.POSITIVE_INFINITY) &&
    elements.length <= (constraints.maxElements ?? Number.POSITIVE_INFINITY) &&
    elements.every((element) => element.length <= (constraints.maxElementSize ?? Number.POSITIVE_INFINITY))
  );
}

/**
 * Every pattern contained in at least `minCount` customers: candidates are all subsequences (a
 * non-empty subset of each chosen basket) of every customer, each counted by {@link referenceContains}.
 * Exponential: for tiny databases only.
 */
export function bruteForceSequences(
  customers: readonly (readonly ReferenceBasket[])[],
  minCount: number,
  constraints: ReferenceConstraints = {},
): ReferencePattern[] {
  const candidates = new Map<string, string[][]>();
  for (const baskets of customers) {
    const walk = (from: number, chosen: string[][]) => {
      if (chosen.length > 0)
        candidates.set(
          referenceKey(chosen),
          chosen.map((e) => [...e]),
        );
      for (let b = from; b < baskets.length; b++) {
        const items = [...new Set((baskets[b] as ReferenceBasket).items)].sort();
        for (let mask = 1; mask < 1 << items.length; mask++) {
          const subset = items.filter((_, j) => (mask >> j) & 1);
          walk(b + 1, [...chosen, subset]);
        }
      }
    };
    walk(0, []);
  }
  const found: ReferencePattern[] = [];
  for (const elements of candidates.values()) {
    if (!withinShape(elements, constraints)) continue;
    const gaps: number[] = [];
    let count = 0;
    for (const baskets of customers) {
      const gap = referenceContains(baskets, elements, constraints);
      if (gap === undefined) continue;
      count++;
      gaps.push(gap);
    }
    if (count >= minCount)
      found.push({ elements, count, medianGap: elements.length > 1 ? medianOf(gaps) : Number.NaN });
  }
  return found;
}

/**
 * Level-wise miner: the frequent items, then each frequent pattern extended by every frequent item
 * (into its last element after the element's largest item, or as a new element), each candidate
 * checked by {@link referenceContains} on the customers that contain its parent. Complete under the
 * same constraints because each of them survives dropping a pattern's last item. With `greedy` (no
 * gap or window constraint allowed) the check is {@link greedyContains} and gaps are not computed.
 */
export function levelWiseSequences(
  customers: readonly (readonly ReferenceBasket[])[],
  minCount: number,
  constraints: ReferenceConstraints = {},
  { greedy = false }: { greedy?: boolean } = {},
): ReferencePattern[] {
  if (
    greedy &&
    (constraints.minGap !== undefined || constraints.maxGap !== undefined || constraints.window !== undefined)
  ) {
    throw new Error(
      "levelWiseSequences: the greedy containment test holds only without gap and window constraints",
    );
  }
  const check = greedy ? greedyContains : referenceContains;
  const support = new Map<string, Set<number>>();
  customers.forEach((baskets, c) => {
    for (const basket of baskets) {
      for (const item of basket.items) {
        let set = support.get(item);
        if (set === undefined) support.set(item, (set = new Set()));
        set.add(c);
      }
    }
  });
  const items = [...support.keys()]
    .filter((item) => (support.get(item) as Set<number>).size >= minCount)
    .sort();
  const found: ReferencePattern[] = [];
  let level: { elements: string[][]; customers: number[] }[] = [];
  for (const item of items) {
    const elements = [[item]];
    if (!withinShape(elements, constraints)) continue;
    const who = [...(support.get(item) as Set<number>)].sort((a, b) => a - b);
    found.push({ elements, count: who.length, medianGap: Number.NaN });
    level.push({ elements, customers: who });
  }
  while (level.length > 0) {
    const next: typeof level = [];
    for (const parent of level) {
      const lastElement = parent.elements[parent.elements.length - 1] as string[];
      const lastItem = lastElement[lastElement.length - 1] as string;
      const candidates: string[][][] = [];
      for (const item of items) {
        if (item > lastItem) candidates.push([...parent.elements.slice(0, -1), [...lastElement, item]]);
        candidates.push([...parent.elements, [item]]);
      }
      for (const elements of candidates) {
        if (!withinShape(elements, constraints)) continue;
        const who: number[] = [];
        const gaps: number[] = [];
        for (const c of parent.customers) {
          const gap = check(customers[c] as ReferenceBasket[], elements, constraints);
          if (gap === undefined) continue;
          who.push(c);
          gaps.push(gap);
        }
        if (who.length < minCount) continue;
        found.push({
          elements,
          count: who.length,
          medianGap: elements.length > 1 ? medianOf(gaps) : Number.NaN,
        });
        next.push({ elements, customers: who });
      }
    }
    level = next;
  }
  return found;
}

/**
 * Containment without time constraints by the textbook greedy scan (each element matched in the
 * earliest basket after the previous match), O(baskets x items); gives NaN for the gap (not computed).
 */
export function greedyContains(
  baskets: readonly ReferenceBasket[],
  elements: readonly (readonly string[])[],
): number | undefined {
  let at = 0;
  for (const element of elements) {
    while (
      at < baskets.length &&
      !element.every((item) => (baskets[at] as ReferenceBasket).items.includes(item))
    )
      at++;
    if (at === baskets.length) return undefined;
    at++;
  }
  return Number.NaN;
}
