import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { endWithNewline, readJsonLines } from './jsonLines.ts';

/** Where a question was asked; absent in DMs. */
export interface Place {
  readonly guildId?: string | null;
  readonly channelId?: string | null;
}

/** One 👍/👎 on an answer, as stored. */
export interface VoteRecord {
  readonly type: 'vote';
  readonly vote: 'up' | 'down';
  readonly question: string;
  /** Article ids of the citations the voter saw. */
  readonly sources: readonly string[];
  readonly time: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** SHA-256 of the user id with a per-installation salt: counts repeat voters, names nobody. */
  readonly user: string;
}

/** A question citebot could not answer, as stored (what to write articles about next). */
export interface UnansweredRecord {
  readonly type: 'unanswered';
  readonly question: string;
  readonly reason: string;
  /** Closest articles offered instead. */
  readonly sources: readonly string[];
  readonly time: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: string;
}

/** Totals over everything stored, for `/kb stats`. */
export interface FeedbackCounts {
  readonly up: number;
  readonly down: number;
  readonly unanswered: number;
  /** Lines of either file that could not be read (cut by a crash), skipped without losing the rest. */
  readonly setAside: number;
}

const files = { vote: 'feedback.jsonl', unanswered: 'unanswered.jsonl', salt: 'user-hash.salt' } as const;

/** Longest question text kept in a record. */
const maxStoredQuestion = 1000;

/** A salt shorter than this (hex characters) hashes user ids too weakly; ours are 64. */
const minSaltLength = 32;

async function readSalt(path: string): Promise<string | undefined> {
  let salt: string;
  try {
    salt = (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`feedback: cannot read the salt file '${path}': ${(error as Error).message}`);
  }
  if (salt.length < minSaltLength) {
    throw new Error(
      `feedback: the salt file '${path}' is ${salt.length === 0 ? 'empty' : 'too short'} (${salt.length} characters, at least ${minSaltLength} needed): restore it from a backup, or delete it to make a new one (stored user hashes then no longer match new ones)`,
    );
  }
  return salt;
}

/**
 * The installation's salt, created on first use. It is written whole to a temporary file and
 * then linked into place, so no reader ever sees a partial salt and two processes starting
 * together agree on one (link, unlike rename, never replaces the salt another one made).
 */
async function loadSalt(dir: string): Promise<string> {
  const path = join(dir, files.salt);
  const existing = await readSalt(path);
  if (existing !== undefined) return existing;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${randomBytes(32).toString('hex')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
  return (await readSalt(path)) as string;
}

/**
 * Append-only JSONL logs of votes and unanswered questions under the data folder. Every record is
 * written and fsync'd before its promise resolves, so a crash or restart loses nothing that was
 * acknowledged; writes are queued so lines never interleave.
 */
export class FeedbackStore {
  readonly #dir: string;
  readonly #salt: string;
  readonly #now: () => Date;
  #counts: { up: number; down: number; unanswered: number; setAside: number };
  #queue: Promise<void> = Promise.resolve();
  readonly #handles = new Map<keyof typeof files, Promise<FileHandle>>();
  #closed = false;

  private constructor(dir: string, salt: string, counts: FeedbackCounts, now: () => Date) {
    this.#dir = dir;
    this.#salt = salt;
    this.#counts = { ...counts };
    this.#now = now;
  }

  /** Opens (creating if needed) the store in `dir` and counts what is already there. */
  static async open(dir: string, options: { readonly now?: () => Date } = {}): Promise<FeedbackStore> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new Error(`feedback: cannot create data folder '${dir}': ${(error as Error).message}`);
    }
    const salt = await loadSalt(dir);
    const votes = await readJsonLines(join(dir, files.vote));
    const unanswered = await readJsonLines(join(dir, files.unanswered));
    const counts = { up: 0, down: 0, unanswered: unanswered.records.length, setAside: 0 };
    counts.setAside = votes.setAside + unanswered.setAside;
    for (const record of votes.records) {
      const vote = (record as Partial<VoteRecord>).vote;
      if (vote === 'up' || vote === 'down') counts[vote] += 1;
    }
    return new FeedbackStore(dir, salt, counts, options.now ?? (() => new Date()));
  }

  /** The stored form of a user id (salted SHA-256, hex). */
  hashUser(userId: string): string {
    return createHash('sha256').update(`${this.#salt}:${userId}`).digest('hex');
  }

  /** Appends a vote durably. */
  async recordVote(input: {
    vote: 'up' | 'down';
    question: string;
    sources: readonly string[];
    userId: string;
    place: Place;
  }): Promise<void> {
    const record: VoteRecord = {
      type: 'vote',
      vote: input.vote,
      question: input.question.slice(0, maxStoredQuestion),
      sources: input.sources,
      time: this.#now().toISOString(),
      guildId: input.place.guildId ?? null,
      channelId: input.place.channelId ?? null,
      user: this.hashUser(input.userId),
    };
    await this.#append('vote', record);
    this.#counts[input.vote] += 1;
  }

  /** Appends an unanswered question durably. */
  async recordUnanswered(input: {
    question: string;
    reason: string;
    sources: readonly string[];
    userId: string;
    place: Place;
  }): Promise<void> {
    const record: UnansweredRecord = {
      type: 'unanswered',
      question: input.question.slice(0, maxStoredQuestion),
      reason: input.reason,
      sources: input.sources,
      time: this.#now().toISOString(),
      guildId: input.place.guildId ?? null,
      channelId: input.place.channelId ?? null,
      user: this.hashUser(input.userId),
    };
    await this.#append('unanswered', record);
    this.#counts.unanswered += 1;
  }

  counts(): FeedbackCounts {
    return { ...this.#counts };
  }

  /** Everything stored so far, oldest first (for tests and for operators' scripts). */
  async read(): Promise<{ votes: VoteRecord[]; unanswered: UnansweredRecord[] }> {
    await this.flush();
    return {
      votes: (await readJsonLines(join(this.#dir, files.vote))).records as VoteRecord[],
      unanswered: (await readJsonLines(join(this.#dir, files.unanswered))).records as UnansweredRecord[],
    };
  }

  /** Resolves once every write queued so far is on disk. */
  async flush(): Promise<void> {
    await this.#queue.catch(() => undefined);
  }

  /** Flushes and closes the files; later writes are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
    const handles = [...this.#handles.values()];
    this.#handles.clear();
    await Promise.all(handles.map(async (handle) => (await handle).close().catch(() => undefined)));
  }

  #handle(kind: 'vote' | 'unanswered'): Promise<FileHandle> {
    let handle = this.#handles.get(kind);
    if (handle === undefined) {
      handle = open(join(this.#dir, files[kind]), 'a+', 0o600).then(async (opened) => {
        await endWithNewline(opened);
        return opened;
      });
      // A failed open is retried on the next write instead of poisoning the store.
      handle.catch(() => this.#handles.delete(kind));
      this.#handles.set(kind, handle);
    }
    return handle;
  }

  #append(kind: 'vote' | 'unanswered', record: VoteRecord | UnansweredRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('feedback: store is closed'));
    const line = `${JSON.stringify(record)}\n`;
    const write = this.#queue
      .catch(() => undefined)
      .then(async () => {
        const handle = await this.#handle(kind);
        await handle.appendFile(line, 'utf8');
        await handle.datasync();
      })
      .catch((error: Error) => {
        throw new Error(`feedback: cannot write '${files[kind]}': ${error.message}`);
      });
    this.#queue = write;
    return write;
  }
}
