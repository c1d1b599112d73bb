import type { SkippedFile } from '../types.ts';

/** Raw bytes of one candidate article. */
export interface RawFile {
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** Everything read from a knowledge folder, before parsing. */
export interface KnowledgeFiles {
  readonly files: readonly RawFile[];
  readonly skipped: readonly SkippedFile[];
  /** Text of `synonyms.txt` at the folder's top, if present. */
  readonly synonyms?: string;
  /** SHA-256 over every file's path and bytes: changes whenever the knowledge changes. */
  readonly hash: string;
}
