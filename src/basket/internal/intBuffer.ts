/** A growable Int32 buffer (amortised doubling) used to emit results without per-item objects. */
export class IntBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra > this.data.length) this.grow(this.length + extra);
  }

  private grow(minimum: number): void {
    this.data = withRoom(this.data, this.length, minimum - this.length);
  }

  /** A trimmed copy of the content. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The typed arrays {@link withRoom} grows. */
type GrowableArray = Int32Array | Float64Array | Uint16Array;

/**
 * `array` when it has room for `extra` values after the first `used`, else a
 * copy of those `used` values in an array of the same type and at least double the length.
 */
export function withRoom<A extends GrowableArray>(array: A, used: number, extra: number): A {
  if (used + extra <= array.length) return array;
  let capacity = Math.max(16, array.length * 2);
  while (capacity < used + extra) capacity *= 2;
  const next = new (array.constructor as new (length: number) => A)(capacity);
  next.set(array.subarray(0, used) as never);
  return next;
}
