/**
 * The memory of finished runs, kept for the next run of the same thread. A metro run's state
 * holds about 23 MB of typed arrays (the drivers' and the candidates'); fresh memory costs the
 * first touch of every page (the system zeroes it then): building a metro run's state took
 * 74–133 ms of its second in Node, 16–22 ms on reused memory, and a typed array's allocation is dearer still in a
 * browser's worker (docs/ARCHITECTURE.md). A run's arrays come from here zeroed, exactly as
 * fresh ones would be; a run hands them back once its result is built (`recycle`), never
 * while anything may still read them.
 */

type Typed = Float64Array | Int32Array | Int16Array | Uint8Array;

/** The spare buffers, and their bytes, kept within MAX_SPARE_BYTES. */
const spare: ArrayBuffer[] = [];
let spareBytes = 0;

/**
 * The most memory kept spare in one thread: a metro run's state (about 23 MB: 20,000 drivers
 * at the start, 77,000 signed up by the end of a year) with room to spare. Beyond it a run's
 * arrays are left to the garbage collector, as before; a thread holds at most this much more
 * than its run between runs, within the run budget's base memory per worker
 * (src/model/run-budget.ts `WORKER_BASE_BYTES`).
 */
export const MAX_SPARE_BYTES = 32 * 1024 * 1024;

/** The smallest spare buffer of at least `bytes`, taken out of the spares (undefined: none). */
function takeSpare(bytes: number): ArrayBuffer | undefined {
  let best = -1;
  for (let k = 0; k < spare.length; k++) {
    const size = spare[k].byteLength;
    if (size >= bytes && (best < 0 || size < spare[best].byteLength)) best = k;
  }
  if (best < 0) return undefined;
  const buffer = spare[best];
  spare[best] = spare[spare.length - 1];
  spare.pop();
  spareBytes -= buffer.byteLength;
  return buffer;
}

/** A typed array's constructor, over a length or over part of a buffer. */
interface TypedKind<T extends Typed> {
  new (length: number): T;
  new (buffer: ArrayBuffer, offset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

function zeroed<T extends Typed>(kind: TypedKind<T>, length: number): T {
  const buffer = length > 0 ? takeSpare(length * kind.BYTES_PER_ELEMENT) : undefined;
  if (!buffer) return new kind(length);
  const view = new kind(buffer, 0, length);
  view.fill(0);
  return view;
}

/** A zeroed Float64Array of `length`, on a spare buffer when one is big enough. */
export function float64(length: number): Float64Array<ArrayBuffer> {
  return zeroed<Float64Array<ArrayBuffer>>(Float64Array, length);
}

/** A zeroed Int32Array of `length` (see `float64`). */
export function int32(length: number): Int32Array<ArrayBuffer> {
  return zeroed<Int32Array<ArrayBuffer>>(Int32Array, length);
}

/** A zeroed Int16Array of `length` (see `float64`). */
export function int16(length: number): Int16Array<ArrayBuffer> {
  return zeroed<Int16Array<ArrayBuffer>>(Int16Array, length);
}

/** A zeroed Uint8Array of `length` (see `float64`). */
export function uint8(length: number): Uint8Array<ArrayBuffer> {
  return zeroed<Uint8Array<ArrayBuffer>>(Uint8Array, length);
}

/**
 * Gives the arrays' buffers back for later runs; the caller no longer reads or writes them. A
 * buffer already spare, detached (sent to another thread) or beyond MAX_SPARE_BYTES is left.
 */
export function recycle(arrays: Iterable<Typed>): void {
  for (const a of arrays) {
    const buffer = a.buffer;
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) continue;
    if (spareBytes + buffer.byteLength > MAX_SPARE_BYTES || spare.includes(buffer)) continue;
    spare.push(buffer);
    spareBytes += buffer.byteLength;
  }
}

/** Bytes held spare (for tests). */
export function spareHeld(): number {
  return spareBytes;
}

/** Drops every spare buffer (for tests, and a thread that frees its memory). */
export function dropSpares(): void {
  spare.length = 0;
  spareBytes = 0;
}
