const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes as UTF-8 text.
 *
 * @throws Error `binary file` when it contains NUL bytes, `not UTF-8` when it is not valid UTF-8
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new Error('binary file');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error('not UTF-8');
  }
}
