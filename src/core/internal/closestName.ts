// "Did you mean" for misspelt option and field names.

/**
 * The valid name closest to a misspelt one, by Levenshtein distance ignoring case (so `krange`
 * finds `kRange`), when it is close enough to be a likely typo: at most 2 edits, or a third of
 * the name's length for longer names.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The words for an option key that is not one of `valid`: `unknown option "key"; did you mean "name"?`
 * when a valid name is close, else the valid names (`unknown option "key" (valid: a, b)`), or nothing
 * more when none are known.
 */
export function unknownOptionMessage(key: string, valid: readonly string[]): string {
  const nearest = closestName(key, valid);
  const hint =
    nearest !== undefined
      ? `; did you mean "${nearest}"?`
      : valid.length > 0
        ? ` (valid: ${valid.join(", ")})`
        : "";
  return `unknown option "${key}"${hint}`;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row of O(|b|) memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      // deletion, insertion, substitution (free when the characters match)
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
