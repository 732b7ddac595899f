/**
 * One template for the k-means point loops, specialised for a number of features d at run time.
 *
 * Why: a point loop with the d coordinates of the point held in locals (`x0 ... x{d-1}`) and the
 * distance written out as one expression is about twice as fast in V8 as the general loop over j
 * (measured at 100,000 x 8 and 1,000,000 x 3). Rather than paste a copy per d, each kernel below is
 * one template; {@link kernelSource} fills it in for a given d (written out for 1 <= d <= {@link
 * UNROLL_LIMIT}) and `kernels.ts` compiles the text once per d with `new Function`, or falls back to
 * the general loops of `lloydEngine.ts` where code generation is forbidden. The same text is what the
 * restart workers compile (`parallel.ts`), so every thread runs the same code.
 *
 * Every kernel does the arithmetic of the general loops in the same order (distance summed over
 * features left to right, first centre on ties, sums accumulated in point order), so results are
 * bit-identical whichever variant runs. Kernels return nothing: the inertia and the number of
 * changed labels go to `tally[0]` and `tally[1]` (a buffer of the caller's run, not module state).
 * Only numbers and typed arrays enter the generated text, never caller data.
 */

/** Largest d with written-out kernels; beyond it the general loops run (the gain shrinks with d). */
export const UNROLL_LIMIT = 16;

/** Relative safety margin of Hamerly's skip test (see `lloyd.ts`), as exact text. */
const SKIP_MARGIN = String(1 - 1e-12);

const range = (d: number): number[] => Array.from({ length: d }, (_, j) => j);

/** One line per feature j, joined. */
const lines = (d: number, line: (j: number) => string): string => range(d).map(line).join("\n");

/** `const x0 = data[offset + 0]; ...`: a point's coordinates in locals. */
function loadPoint(d: number, prefix = "x", array = "data", offset = "offset"): string {
  return lines(d, (j) => `const ${prefix}${j} = ${array}[${offset} + ${j}];`);
}

/**
 * `const a0 = x0 - right(0); ...` and the sum of their squares `a0 * a0 + a1 * a1 + ...`, summed
 * left to right as the general loop sums.
 */
function differences(d: number, right: (j: number) => string, a = "a"): [string, string] {
  return [
    lines(d, (j) => `const ${a}${j} = x${j} - ${right(j)};`),
    range(d)
      .map((j) => `${a}${j} * ${a}${j}`)
      .join(" + "),
  ];
}

/** `const name = ` the squared distance from the point in `x` locals to the one at `at` in `array`. */
function distanceTo(d: number, name: string, array: string, at: string): string {
  const [lets, sum] = differences(d, (j) => `${array}[${at} + ${j}]`);
  return `${lets}\nconst ${name} = ${sum};`;
}

/** `sums[sumAt + j] += xj` for every j, and the count. */
function accumulate(d: number): string {
  return `counts[best] += 1;\nconst sumAt = best * ${d};\n${lines(d, (j) => `sums[sumAt + ${j}] += x${j};`)}`;
}

/** The scan of the k centres keeping the nearest and, when `second`, the second-nearest squared distance. */
function scan(d: number, second: boolean): string {
  return `for (let c = 0, at = 0; c < k; c++, at += ${d}) {
${distanceTo(d, "distance", "centres", "at")}
if (distance < bestDistance) { ${second ? "secondDistance = bestDistance; " : ""}bestDistance = distance; best = c; }${second ? "\nelse if (distance < secondDistance) secondDistance = distance;" : ""}
}`;
}

const RELABEL = "if (labels[i] !== best) { labels[i] = best; changed++; }";

/**
 * An assignment pass: `before` the point loop, then per point (its coordinates loaded into `x`
 * locals) `body`, which adds to `inertia` and counts `changed` labels; both end in `tally`.
 */
function pointPass(d: number, signature: string, body: string, before = ""): string {
  return `${signature} {
${before}let inertia = 0;
let changed = 0;
for (let i = 0, offset = 0; i < n; i++, offset += ${d}) {
${loadPoint(d)}
${body}
}
tally[0] = inertia;
tally[1] = changed;
}`;
}

/**
 * The three assignment passes. Plain: every centre for every point; distances kept when
 * `distances` has n slots; sums and counts when `accumulate`. First pass with bounds: every centre
 * scanned, the second-nearest distance kept as the lower bound. Later passes with bounds: the lower
 * bound loosened by the centre movement (`largest`, or `second` for points of centre `largestAt`),
 * then Hamerly's skip test; a point not safely settled is scanned in full.
 */
function assignPasses(d: number): string {
  const fullScan = `let secondDistance = Infinity;\n${scan(d, true)}\nlower[i] = Math.sqrt(secondDistance);\n${RELABEL}`;
  const tail = `inertia += bestDistance;\n${accumulate(d)}`;
  const plain = pointPass(
    d,
    "plain(data, n, _d, centres, k, labels, distances, sums, counts, accumulate, tally)",
    `let best = 0;
let bestDistance = Infinity;
${scan(d, false)}
${RELABEL}
if (keep) distances[i] = bestDistance;
inertia += bestDistance;
if (accumulate) {
${accumulate(d)}
}`,
    "const keep = distances.length === n;\n",
  );
  const first = pointPass(
    d,
    "first(data, n, _d, centres, k, labels, sums, counts, lower, tally)",
    `let best = 0;\nlet bestDistance = Infinity;\n${fullScan}\n${tail}`,
  );
  const bounded = pointPass(
    d,
    "bounded(data, n, _d, centres, k, labels, sums, counts, lower, halfGap, largestAt, largest, second, tally)",
    `let best = labels[i];
const ownAt = best * ${d};
${distanceTo(d, "own", "centres", "ownAt")}
let bestDistance = own;
const bound = lower[i] - (best === largestAt ? second : largest);
lower[i] = bound;
const threshold = Math.max(bound, halfGap[best]) * ${SKIP_MARGIN};
if (!(Math.sqrt(bestDistance) < threshold)) {
best = 0;
bestDistance = Infinity;
${fullScan}
}
${tail}`,
  );
  return `${plain},\n${first},\n${bounded}`;
}

/**
 * k-means++: squared distance of every point to the point at `pointAt`, stored (`first`) or min-ed
 * into `closest`; returns the sum of the new `closest`, in point order.
 */
function closestPass(d: number): string {
  const [lets, sum] = differences(d, (j) => `p${j}`);
  return `closest(data, n, _d, pointAt, closest, first) {
${loadPoint(d, "p", "data", "pointAt")}
let total = 0;
for (let i = 0, offset = 0; i < n; i++, offset += ${d}) {
${loadPoint(d)}
${lets}
const distance = ${sum};
const kept = first ? distance : Math.min(distance, closest[i]);
closest[i] = kept;
total += kept;
}
return total;
}`;
}

/**
 * k-means++: for each of 4 candidate points (coordinates at `t * d` in `candidates`; callers pad a
 * shorter list), the potential sum_i min(closest[i], squared distance to the candidate) into
 * `potentials[t]`, summed in point order: one pass over the data for four candidates, their
 * coordinates and sums in locals.
 */
function potentialPass(d: number): string {
  const four = range(4);
  const sums = four
    .map((t) => {
      const [lets, sum] = differences(d, (j) => `c${t}_${j}`, `a${t}_`);
      return `${lets}\ns${t} += Math.min(${sum}, current);`;
    })
    .join("\n");
  return `potential(data, n, _d, candidates, closest, potentials) {
${four.map((t) => loadPoint(d, `c${t}_`, "candidates", String(t * d))).join("\n")}
${four.map((t) => `let s${t} = 0;`).join("\n")}
for (let i = 0, offset = 0; i < n; i++, offset += ${d}) {
${loadPoint(d)}
const current = closest[i];
${sums}
}
${four.map((t) => `potentials[${t}] = s${t};`).join("\n")}
}`;
}

/** Centre slots of the tree kernel: k <= 8 real centres, the rest padding (see `lloyd.ts`). */
export const TREE_SLOTS = 8;

/**
 * The bounded point pass for d = 3, k <= 8, slots beyond k padded far away. Per point: the exact
 * squared distance to its centre (the inertia term), then Hamerly's test with the stored bound
 * shifted by the drift of its centre, squared (no square root): skip when the distance is below
 * the bound or below the centre's skip radius. Otherwise (and for every point on the first pass)
 * all 8 slots are scanned without a data-dependent branch: each selection is `a * m + b * (1 - m)`
 * with m = 0 or 1, exact for finite values, and pairs merge left before right with a strict `<`,
 * so the first centre wins ties as in plain Lloyd. V8 compiles the `if` of a running minimum to a
 * mispredicted branch where gcc emits conditional moves; this form has none. The scan keeps the
 * second-smallest distance for the new lower bound. Slot record (8 numbers): x, y, z, drift, squared
 * skip radius, unused. Accumulators: sum x, sum y, sum z, count per slot.
 */
function treePass(): string {
  const slots = range(TREE_SLOTS);
  const load = slots.map((s) =>
    range(3)
      .map((j) => `const p${s}${j} = slots[${s * 8 + j}];`)
      .join(" "),
  );
  const distances = slots.map((s) => {
    const [lets, sum] = differences(3, (j) => `p${s}${j}`, `e${s}`);
    return `${lets}\nconst d${s} = ${sum};`;
  });
  const [ownLets, ownSum] = differences(3, (j) => `slots[at + ${j}]`, "b");
  // Pairs (0-1, 2-3, 4-5, 6-7): smaller b (left on ties), larger s, m = 1 when the right one is smaller.
  const pairs = [0, 2, 4, 6].map(
    (a) => `const m${a} = +(d${a + 1} < d${a});
const b${a} = d${a + 1} * m${a} + d${a} * (1 - m${a});
const s${a} = d${a} * m${a} + d${a + 1} * (1 - m${a});`,
  );
  // Merge two groups: smallest b, second s = min(loser of the two smallest, winner's second), label l.
  const merge = (
    name: string,
    left: string,
    right: string,
    label: string,
  ) => `const m${name} = +(b${right} < b${left});
const b${name} = b${right} * m${name} + b${left} * (1 - m${name});
const loser${name} = b${left} * m${name} + b${right} * (1 - m${name});
const second${name} = s${right} * m${name} + s${left} * (1 - m${name});
const q${name} = +(second${name} < loser${name});
const s${name} = second${name} * q${name} + loser${name} * (1 - q${name});
const l${name} = ${label};`;
  // Pairs merged into A (slots 0-3) and B (4-7): labels from the pairs' m; then A and B.
  const pairLabel = (name: string, left: number, right: number, base: number) =>
    merge(name, String(left), String(right), `${base} + m${left} + ((2 + m${right} - m${left}) & -m${name})`);
  return `tree(data, n, slots, labels, lower, accumulators, first, tally) {
${load.join("\n")}
let inertia = 0;
let changed = 0;
for (let i = 0, offset = 0; i < n; i++, offset += 3) {
${loadPoint(3)}
let best = 0;
let bestDistance = 0;
let skip = 0;
if (!first) {
best = labels[i];
const at = best * 8;
${ownLets}
bestDistance = ${ownSum};
const bound = lower[i] * 0.999999999 - slots[at + 3];
skip = (+(bestDistance < bound * bound) & +(bound > 0)) | +(bestDistance < slots[at + 4]);
}
if (skip === 0) {
${distances.join("\n")}
${pairs.join("\n")}
${pairLabel("A", 0, 2, 0)}
${pairLabel("B", 4, 6, 4)}
${merge("", "A", "B", "lA + ((lB - lA) & -m)")}
bestDistance = b;
best = l;
lower[i] = Math.sqrt(s) + slots[best * 8 + 3];
if (labels[i] !== best) { labels[i] = best; changed++; }
}
inertia += bestDistance;
const sumAt = best * 4;
${lines(4, (j) => `accumulators[sumAt + ${j}] += ${j < 3 ? `x${j}` : 1};`)}
}
tally[0] = inertia;
tally[1] = changed;
}`;
}

/**
 * The source of an expression evaluating to the kernels object for d features
 * (`{ plain, first, bounded, closest, potential, tree }`, the kernels written as its methods; `tree`
 * is null unless d = 3), for 1 <= d <= {@link UNROLL_LIMIT}. Strict where it is evaluated (see
 * `kernels.ts`; a worker's script is strict).
 */
export function kernelSource(d: number): string {
  if (!(Number.isInteger(d) && d >= 1 && d <= UNROLL_LIMIT)) throw new RangeError(`no kernel for d = ${d}`);
  return `({
${assignPasses(d)},
${closestPass(d)},
${potentialPass(d)},
${d === 3 ? treePass() : "tree: null"}
})`;
}
