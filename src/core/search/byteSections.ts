/**
 * The byte layout of the packed indexes (passage/article indexes and the n-gram index): sections
 * one after another, each preceded by its byte length (8 bytes, little-endian length first) and
 * padded to 8 bytes, so every section can be viewed as a typed array in place, without copying.
 */

/** Writes the sections one after another. */
export function concatSections(parts: readonly ArrayBufferView[]): Uint8Array {
  const padded = (n: number) => Math.ceil(n / 8) * 8;
  const total = parts.reduce((sum, p) => sum + 8 + padded(p.byteLength), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const part of parts) {
    view.setUint32(at, part.byteLength, true);
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at + 8);
    at += 8 + padded(part.byteLength);
  }
  return out;
}

/**
 * Reads the sections in order; `what` names the index in the error a short or corrupt input
 * gives ("index: packed index is truncated").
 */
export function readSections(input: Uint8Array, what: string) {
  // Typed views need aligned offsets; a small Buffer may sit at any offset of Node's pool.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () => new Error(`index: ${what} is truncated`);
  let at = 0;
  const next = (expected?: number): Uint8Array => {
    if (at + 8 > bytes.byteLength) throw truncated();
    const length = view.getUint32(at, true);
    const start = at + 8;
    if (start + length > bytes.byteLength || (expected !== undefined && length !== expected)) {
      throw truncated();
    }
    at = start + Math.ceil(length / 8) * 8;
    return bytes.subarray(start, start + length);
  };
  return {
    next,
    uint32: (count: number) => {
      const s = next(count * 4);
      return new Uint32Array(s.buffer, s.byteOffset, count);
    },
    float64: (count: number) => {
      const s = next(count * 8);
      return new Float64Array(s.buffer, s.byteOffset, count);
    },
  };
}
