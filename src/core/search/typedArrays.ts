/** A typed array constructor (Int32Array, Uint16Array, …). */
export type TypedArrayOf<T> = { new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/** A typed array's bytes as base64 (in this machine's byte order: caches are local). */
export function toBase64(array: ArrayBufferView): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/**
 * Decodes base64 into a fresh, aligned typed array.
 *
 * @throws Error when the text is not a string or does not hold whole elements
 */
export function fromBase64<T>(text: unknown, type: TypedArrayOf<T>): T {
  if (typeof text !== 'string') throw new Error('typed array: not base64 text');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % type.BYTES_PER_ELEMENT !== 0) throw new Error('typed array: truncated');
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new type(buffer);
}
