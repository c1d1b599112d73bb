import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
}

const files = { vote: 'feedback.jsonl', unanswered: 'unanswered.jsonl', salt: 'user-hash.salt' } as const;

/** Longest question text kept in a record. */
const maxStoredQuestion = 1000;

async function readLines(path: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`feedback: cannot read '${path}': ${(error as Error).message}`);
  }
  const records: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // A line cut short by a crash mid-write; the rest of the file is still good.
    }
  }
  return records;
}

async function loadSalt(dir: string): Promise<string> {
  const path = join(dir, files.salt);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const salt = randomBytes(32).toString('hex');
    await writeFile(path, `${salt}\n`, { mode: 0o600, flag: 'wx' }).catch(
      async (writeError: NodeJS.ErrnoException) => {
        if (writeError.code !== 'EEXIST') throw writeError;
      },
    );
    return (await readFile(path, 'utf8')).trim();
  }
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
  #counts: { up: number; down: number; unanswered: number };
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
    const counts = { up: 0, down: 0, unanswered: 0 };
    for (const record of await readLines(join(dir, files.vote))) {
      const vote = (record as Partial<VoteRecord>).vote;
      if (vote === 'up' || vote === 'down') counts[vote] += 1;
    }
    counts.unanswered = (await readLines(join(dir, files.unanswered))).length;
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
      votes: (await readLines(join(this.#dir, files.vote))) as VoteRecord[],
      unanswered: (await readLines(join(this.#dir, files.unanswered))) as UnansweredRecord[],
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
      handle = open(join(this.#dir, files[kind]), 'a', 0o600);
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
