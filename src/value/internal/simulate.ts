import { createRandom } from "../../core/index.js";
import type { BgNbdParams } from "../fitBgNbdTypes.js";

/** Simulated repeat-purchase histories as columns. */
export interface SimulatedHistories {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
}

/**
 * Draws customers from the BG/NBD process (Fader, Hardie & Lee 2005): λ ~ Gamma(r, rate α),
 * p ~ Beta(a, b); purchase gaps ~ Exponential(λ); after each repeat purchase the customer
 * drops out with probability p. Ages T are uniform on [minT, maxT]. Times are rounded down
 * to multiples of `resolution` (e.g. 1/7 for days in weekly units) so identical histories repeat,
 * as they do in real daily data.
 */
export function simulateBgNbd(
  params: BgNbdParams,
  count: number,
  { seed = 1, minT = 20, maxT = 52, resolution = 1 / 7 } = {},
): SimulatedHistories {
  const random = createRandom(seed);
  const frequency = new Float64Array(count);
  const recency = new Float64Array(count);
  const age = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const T = Math.floor((minT + (maxT - minT) * random.float()) / resolution) * resolution;
    const lambda = random.gamma(params.r, 1 / params.alpha);
    const p = random.beta(params.a, params.b);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += random.exponential(lambda);
      if (t > T) break;
      x++;
      last = t;
      if (random.float() < p) break;
    }
    // distinct days: keep x consistent with rounding of the last purchase
    frequency[i] = x;
    recency[i] = x === 0 ? 0 : Math.min(T, Math.max(resolution, Math.floor(last / resolution) * resolution));
    age[i] = T;
  }
  return { frequency, recency, T: age };
}
