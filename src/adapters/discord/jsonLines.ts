import type { FileHandle } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';

/** What an append-only JSONL file holds. */
export interface JsonLines {
  /** Every line that parsed, in file order. */
  readonly records: unknown[];
  /**
   * Lines that did not parse (cut short by a crash mid-write, or edited by hand): skipped and
   * counted, never fatal, and nothing after them is lost.
   */
  readonly setAside: number;
}

/**
 * Reads a JSONL file; a missing file holds nothing.
 *
 * @throws Error `jsonl: cannot read '…': …` when the file exists but cannot be read
 */
export async function readJsonLines(path: string): Promise<JsonLines> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], setAside: 0 };
    throw new Error(`jsonl: cannot read '${path}': ${(error as Error).message}`);
  }
  const records: unknown[] = [];
  let setAside = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      setAside += 1;
    }
  }
  return { records, setAside };
}

/**
 * Makes sure the next append to `handle` (opened for appending) starts on a line of its own: a
 * file whose last line was cut short gets the missing newline, so the cut line stays one unreadable
 * line and the new record is whole.
 */
export async function endWithNewline(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  if (size === 0) return;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] !== 0x0a) await handle.appendFile('\n');
}
