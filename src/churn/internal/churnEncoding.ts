/**
 * Categorical coding of the churn model's training rows: each row's level becomes a position among the
 * sorted levels, with no column for the reference in reference coding (position 0) and a column for
 * every level in one-hot coding (positions 1..L; position 0, the absent "no level", never occurs), so
 * the solver never sees materialised dummies.
 */
import type { CategoricalEncoding } from "./design.js";
import { MISSING_LEVEL } from "./featureSpec.js";

/** Coded categorical columns for {@link fitLogistic}, plus what the model keeps of them. */
export interface CodedCategories {
  /** Per feature: each row's position (0 = no column). */
  readonly codes: Int32Array[];
  /** Per feature: number of positions, the column-less position 0 included. */
  readonly positions: number[];
  /** Per feature: each level's share of the training rows (levels in sorted order). */
  readonly shares: number[][];
  /** Rows coded as the missing level (policy "impute"). */
  readonly imputed: number;
}

/**
 * Codes first-seen level codes (`codes[j]` indexing `firstSeen[j]`) into positions among the sorted
 * levels of `encodings[j]`. O(n · features).
 */
export function codeCategories(
  codes: readonly Int32Array[],
  firstSeen: readonly (readonly string[])[],
  encodings: readonly CategoricalEncoding[],
  n: number,
  oneHot: boolean,
): CodedCategories {
  let imputed = 0;
  const shares: number[][] = [];
  const positions: number[] = [];
  const coded = encodings.map((encoding, j) => {
    const raw = codes[j] as Int32Array;
    const seen = firstSeen[j] as readonly string[];
    const shift = oneHot ? 1 : 0;
    const sortedIndex = new Map(encoding.levels.map((level, k) => [level, k]));
    const position = Int32Array.from(seen, (level) => (sortedIndex.get(level) as number) + shift);
    const counts = new Float64Array(seen.length);
    const out = new Int32Array(n);
    recode(raw, position, counts, out);
    const levelShares = new Array<number>(encoding.levels.length).fill(0);
    seen.forEach((level, code) => {
      if (level === MISSING_LEVEL) imputed += counts[code] as number;
      levelShares[(position[code] as number) - shift] = (counts[code] as number) / n;
    });
    shares.push(levelShares);
    positions.push(encoding.levels.length + shift);
    return out;
  });
  return { codes: coded, positions, shares, imputed };
}

/**
 * out[i] = position[raw[i]], counting each raw code. A function of its own: inside the callback above
 * (run once per feature and fit) its loop was optimised mid-loop on partial feedback.
 */
function recode(raw: Int32Array, position: Int32Array, counts: Float64Array, out: Int32Array): void {
  for (let i = 0; i < raw.length; i++) {
    const code = raw[i] as number;
    counts[code] = (counts[code] as number) + 1;
    out[i] = position[code] as number;
  }
}
