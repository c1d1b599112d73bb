import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEntryPoint } from '../../src/config/entryPoint.ts';

describe('isEntryPoint', () => {
  it('is true only for the script node was started with', () => {
    const script = process.argv[1];
    expect(script).toBeDefined();
    expect(isEntryPoint(pathToFileURL(realpathSync(script as string)).href)).toBe(true);
    expect(isEntryPoint(import.meta.url)).toBe(false);
  });
});
