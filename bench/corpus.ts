import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * A folder holding a deterministic share of a knowledge folder's files, hard-linked (no copies).
 * A file is in the share when the hash of its path falls below `fraction`, so smaller shares are
 * subsets of larger ones and every run picks the same files. `synonyms.txt` is always kept.
 */
export async function corpusShare(source: string, fraction: number, target: string): Promise<string> {
  if (fraction >= 1) return source;
  await fs.rm(target, { recursive: true, force: true });
  const entries = await fs.readdir(source, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(source, absolute);
    if (relative !== 'synonyms.txt' && share(relative) >= fraction) continue;
    const to = path.join(target, relative);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.link(absolute, to).catch(() => fs.copyFile(absolute, to));
  }
  return target;
}

function share(relative: string): number {
  return createHash('sha1').update(relative).digest().readUInt32BE(0) / 2 ** 32;
}

/** Questions from JSONL files (`{"q": …}` per line) and text files (one per line, `#` comments). */
export async function readQueries(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8').catch((error: unknown) => {
      throw new Error(`bench: cannot read queries '${file}': ${(error as Error).message}`);
    });
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) continue;
      out.push(file.endsWith('.jsonl') ? (JSON.parse(trimmed) as { q: string }).q : trimmed);
    }
  }
  if (out.length === 0) throw new Error('bench: no queries');
  return out;
}
