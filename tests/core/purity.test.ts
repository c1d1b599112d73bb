import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../../src/core/', import.meta.url));

/**
 * The packages the pure core may use: parsing, analysis and search libraries without I/O. A new
 * dependency of the core is added here on purpose, never by accident.
 */
const allowedPackages = ['minisearch', 'yaml', 'zod', 'htmlparser2', 'marked', 'franc-min', '@orama/'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
  return found;
}

const files = sources(core);

describe('src/core', () => {
  it('is scanned (the scan finds its files and their imports)', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(
      importsOf("import { a } from './a.ts';\nexport { b } from '../b.ts';\nawait import('x');"),
    ).toEqual(['./a.ts', '../b.ts', 'x']);
  });

  it.each(files.map((f) => [path.relative(core, f), f]))(
    '%s imports only the core and I/O-free libraries, and reads no environment',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      for (const specifier of importsOf(text)) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          expect(target.startsWith(core), `${specifier} leaves src/core`).toBe(true);
        } else {
          // No node: built-ins at all: no files, threads, watchers, processes or network.
          expect(
            allowedPackages.some(
              (p) => specifier === p || specifier.startsWith(p.endsWith('/') ? p : `${p}/`),
            ),
            `${specifier} is not an I/O-free library`,
          ).toBe(true);
        }
      }
      expect(text).not.toMatch(/process\.(env|argv|exit|on\()/);
      expect(text).not.toMatch(/new Worker\b|setInterval\(/);
    },
  );
});
