import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concordanceCounts, timeBlocks } from "./coxFit.js";

/** O(n²) over pairs: the definition, for comparison. */
function bruteForce(time: number[], event: number[], score: number[]) {
  const n = time.length;
  let concordant = 0;
  let discordant = 0;
  let tied = 0;
  let tiedTime = 0;
  const share = new Array<number>(n).fill(0);
  const pairs = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || event[i] !== 1) continue;
      if (time[j] === time[i] && event[j] === 1 && i < j) tiedTime++;
      const comparable = (time[j] as number) > (time[i] as number) || (time[j] === time[i] && event[j] === 0);
      if (!comparable) continue;
      const s =
        (score[i] as number) > (score[j] as number)
          ? 1
          : (score[i] as number) < (score[j] as number)
            ? 0
            : 0.5;
      if (s === 1) concordant++;
      else if (s === 0) discordant++;
      else tied++;
      for (const k of [i, j]) {
        share[k] = (share[k] as number) + s;
        pairs[k] = (pairs[k] as number) + 1;
      }
    }
  }
  const total = concordant + discordant + tied;
  const c = total > 0 ? (concordant + tied / 2) / total : 0.5;
  let variance = 0;
  if (total > 0)
    for (let k = 0; k < n; k++) variance += (((share[k] as number) - c * (pairs[k] as number)) / total) ** 2;
  return {
    concordant,
    discordant,
    tiedRisk: tied,
    tiedTime,
    concordance: c,
    standardError: Math.sqrt(variance),
  };
}

describe("concordanceCounts", () => {
  it("equals the pairwise definition, ties in time and score included", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 6 }),
            fc.integer({ min: 0, max: 1 }),
            fc.integer({ min: -3, max: 3 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const sorted = [...rows].sort((a, b) => a[0] - b[0]);
          const time = Float64Array.from(sorted.map((r) => r[0]));
          const event = Uint8Array.from(sorted.map((r) => r[1]));
          const score = Float64Array.from(sorted.map((r) => r[2] / 2));
          const design = {
            n: sorted.length,
            p: 0,
            x: new Float64Array(0),
            time,
            event,
            blocks: timeBlocks(time),
          };
          const got = concordanceCounts(design, score);
          const expected = bruteForce([...time], [...event], [...score]);
          expect(got.concordant).toBe(expected.concordant);
          expect(got.discordant).toBe(expected.discordant);
          expect(got.tiedRisk).toBe(expected.tiedRisk);
          expect(got.tiedTime).toBe(expected.tiedTime);
          expect(got.concordance).toBeCloseTo(expected.concordance, 12);
          expect(got.standardError).toBeCloseTo(expected.standardError, 12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
