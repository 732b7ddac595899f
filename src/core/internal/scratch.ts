/**
 * Scratch memory for the per-row columns a call reads and drops (codes, days, amounts), kept for the
 * next call.
 *
 * Why: typed-array memory is "external" to V8, and every 64 MB of it allocated since the last full
 * collection starts one. A call over millions of records allocates that much in per-row columns, and a
 * full collection marks every record object, so at 5M order lines it cost more than the call itself
 * (issue 12: 8x the time for 5x the lines). Calls that read into the buffer kept by the previous call
 * allocate nothing new, so a script or a service calling the same functions again pays for the
 * collection once, not on every call.
 *
 * The buffer is held through a `WeakRef`: it stays while the current task runs and until a later
 * collection frees it, so an idle process does not keep it. A call made while the buffer is in use (an
 * accessor calling back into the library) gets a buffer of its own.
 */
let kept: WeakRef<ArrayBuffer> | undefined;

/**
 * Bytes per record that the value summaries ask for (repeatPurchaseSummary needs 28, rfmTable 20): one
 * size for all, so calling one after the other reuses one buffer instead of holding a smaller one (until
 * the next collection) beside a larger one.
 */
export const SCRATCH_BYTES_PER_ROW = 28;
let busy = false;

/**
 * Runs `use` with an ArrayBuffer of at least `bytes` bytes whose contents are undefined (every view must
 * be written before it is read). Nothing that `use` returns may view the buffer: the next call reuses it.
 *
 * @internal
 */
export function withScratch<R>(bytes: number, use: (buffer: ArrayBuffer) => R): R {
  if (busy) return use(new ArrayBuffer(bytes));
  let buffer = kept?.deref();
  if (buffer === undefined || buffer.byteLength < bytes) {
    kept = undefined;
    buffer = new ArrayBuffer(bytes);
    kept = new WeakRef(buffer);
  }
  busy = true;
  try {
    return use(buffer);
  } finally {
    busy = false;
  }
}
