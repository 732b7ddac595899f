/**
 * p.adjust for bonferroni, holm and BH; results capped at 1 and monotone as in R. The p-values must
 * be in [0, 1] and not NaN (checked by the caller: one NaN would spread through the running max/min).
 */
export function adjustPValues(p: Float64Array, method: "bonferroni" | "holm" | "fdr" | "none"): Float64Array {
  const m = p.length;
  const out = new Float64Array(m);
  if (method === "none") {
    out.set(p);
    return out;
  }
  if (method === "bonferroni") {
    for (let i = 0; i < m; i++) out[i] = Math.min(1, (p[i] as number) * m);
    return out;
  }
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  if (method === "holm") {
    order.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
      const i = order[rank] as number;
      running = Math.max(running, Math.min(1, (m - rank) * (p[i] as number)));
      out[i] = running;
    }
    return out;
  }
  // Benjamini-Hochberg: from the largest p down, cumulative minimum of p * m / rank
  order.sort((a, b) => (p[b] as number) - (p[a] as number) || b - a);
  let running = 1;
  for (let k = 0; k < m; k++) {
    const i = order[k] as number;
    const rank = m - k;
    running = Math.min(running, ((p[i] as number) * m) / rank);
    out[i] = running;
  }
  return out;
}
