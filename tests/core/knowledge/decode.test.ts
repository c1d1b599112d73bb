import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../src/core/knowledge/decode.ts';

describe('decodeUtf8', () => {
  it('decodes UTF-8 text, umlauts and emoji included', () => {
    expect(decodeUtf8(new TextEncoder().encode('Fachkräfte 🚀'))).toBe('Fachkräfte 🚀');
  });

  it('drops a leading byte order mark', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('rejects bytes with a NUL as a binary file', () => {
    expect(() => decodeUtf8(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(/^binary file$/);
  });

  it('rejects invalid UTF-8 (a Latin-1 umlaut) as not UTF-8', () => {
    expect(() => decodeUtf8(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toThrow(/^not UTF-8$/);
  });
});
