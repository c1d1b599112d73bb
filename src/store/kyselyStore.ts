import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { questionKey } from './questionKey.ts';
import type { Database } from './schema.ts';
import type {
  AliasRecord,
  FeedbackCounts,
  Store,
  StoredSetting,
  UnansweredInput,
  UnansweredRecord,
  VoteInput,
  VoteRecord,
} from './types.ts';

/** Longest question text kept in a record. */
export const maxStoredQuestion = 1000;

function parseSources(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function settingOf(row: Selectable<Database['settings']>): StoredSetting {
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    // Edited by hand into something unreadable: the reader treats it like any unusable value.
    value = null;
  }
  return { guildId: row.guild_id, name: row.name, value, setBy: row.set_by, setAt: row.set_at };
}

function aliasOf(row: Selectable<Database['aliases']>): AliasRecord {
  return {
    id: Number(row.id),
    article: row.article,
    question: row.question,
    status: row.status,
    guildId: row.guild_id,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/**
 * The {@link Store} over any Kysely database with citebot's schema: only portable SQL (upserts
 * with ON CONFLICT, ISO-text times), so the SQLite file today and a Postgres server later share it.
 */
export class KyselyStore implements Store {
  readonly #db: Kysely<Database>;
  readonly #salt: string;
  readonly #now: () => Date;
  #closed = false;

  /** `db` must already be migrated; `salt` comes from {@link loadSalt}. */
  constructor(db: Kysely<Database>, salt: string, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#salt = salt;
    this.#now = now;
  }

  hashUser(userId: string): string {
    return createHash('sha256').update(`${this.#salt}:${userId}`).digest('hex');
  }

  async recordVote(input: VoteInput): Promise<boolean> {
    const db = this.#open();
    const row = {
      answer_id: input.answerId,
      user_hash: this.hashUser(input.userId),
      vote: input.vote,
      question: input.question.slice(0, maxStoredQuestion),
      sources: JSON.stringify(input.sources),
      guild_id: input.place.guildId ?? null,
      channel_id: input.place.channelId ?? null,
      time: this.#now().toISOString(),
    };
    // A changed vote replaces the old one; the same vote again changes nothing and reports so.
    const result = await db
      .insertInto('votes')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['answer_id', 'user_hash'])
          .doUpdateSet({ vote: row.vote, sources: row.sources, time: row.time })
          .where('votes.vote', '<>', row.vote),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async recordUnanswered(input: UnansweredInput): Promise<void> {
    await this.#open()
      .insertInto('unanswered')
      .values({
        question: input.question.slice(0, maxStoredQuestion),
        reason: input.reason,
        sources: JSON.stringify(input.sources),
        guild_id: input.place.guildId ?? null,
        channel_id: input.place.channelId ?? null,
        user_hash: this.hashUser(input.userId),
        time: this.#now().toISOString(),
      })
      .execute();
  }

  async counts(): Promise<FeedbackCounts> {
    const db = this.#open();
    const votes = await db
      .selectFrom('votes')
      .select(['vote', db.fn.countAll<number>().as('n')])
      .groupBy('vote')
      .execute();
    const unanswered = await db
      .selectFrom('unanswered')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const of = (vote: 'up' | 'down') => Number(votes.find((row) => row.vote === vote)?.n ?? 0);
    return { up: of('up'), down: of('down'), unanswered: Number(unanswered.n) };
  }

  async votes(filter: { readonly since?: string; readonly guildId?: string } = {}): Promise<VoteRecord[]> {
    let query = this.#open().selectFrom('votes').selectAll();
    if (filter.since !== undefined) query = query.where('time', '>=', filter.since);
    if (filter.guildId !== undefined) query = query.where('guild_id', '=', filter.guildId);
    const rows = await query.orderBy('time').execute();
    return rows.map((row) => ({
      answerId: row.answer_id,
      vote: row.vote,
      question: row.question,
      sources: parseSources(row.sources),
      time: row.time,
      guildId: row.guild_id,
      channelId: row.channel_id,
      user: row.user_hash,
    }));
  }

  async unanswered(
    filter: { readonly since?: string; readonly guildId?: string } = {},
  ): Promise<UnansweredRecord[]> {
    let query = this.#open().selectFrom('unanswered').selectAll();
    if (filter.since !== undefined) query = query.where('time', '>=', filter.since);
    if (filter.guildId !== undefined) query = query.where('guild_id', '=', filter.guildId);
    const rows = await query.orderBy('id').execute();
    return rows.map((row) => ({
      question: row.question,
      reason: row.reason,
      sources: parseSources(row.sources),
      time: row.time,
      guildId: row.guild_id,
      channelId: row.channel_id,
      user: row.user_hash,
    }));
  }

  async settings(guildId: string): Promise<StoredSetting[]> {
    const rows = await this.#open()
      .selectFrom('settings')
      .selectAll()
      .where('guild_id', '=', guildId)
      .orderBy('name')
      .execute();
    return rows.map(settingOf);
  }

  async settingsNamed(prefix: string): Promise<StoredSetting[]> {
    const rows = await this.#open()
      .selectFrom('settings')
      .selectAll()
      .where('name', '>=', prefix)
      .where('name', '<', `${prefix}\uffff`)
      .orderBy('guild_id')
      .orderBy('name')
      .execute();
    return rows.map(settingOf);
  }

  async putSetting(input: {
    readonly guildId: string;
    readonly name: string;
    readonly value: unknown;
    readonly setBy: string;
  }): Promise<void> {
    const db = this.#open();
    if (input.value === undefined) {
      await db
        .deleteFrom('settings')
        .where('guild_id', '=', input.guildId)
        .where('name', '=', input.name)
        .execute();
      return;
    }
    const row = {
      guild_id: input.guildId,
      name: input.name,
      value: JSON.stringify(input.value),
      set_by: input.setBy,
      set_at: this.#now().toISOString(),
    };
    await db
      .insertInto('settings')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['guild_id', 'name'])
          .doUpdateSet({ value: row.value, set_by: row.set_by, set_at: row.set_at }),
      )
      .execute();
  }

  async proposeAlias(input: {
    readonly article: string;
    readonly question: string;
    readonly guildId: string | null;
  }): Promise<void> {
    const question = input.question.trim().slice(0, maxStoredQuestion);
    const key = questionKey(question);
    if (key === '') return;
    await this.#open()
      .insertInto('aliases')
      .values({
        article: input.article,
        question,
        question_key: key,
        status: 'pending',
        guild_id: input.guildId,
        proposed_at: this.#now().toISOString(),
        decided_by: null,
        decided_at: null,
      })
      .onConflict((conflict) => conflict.columns(['guild_id', 'article', 'question_key']).doNothing())
      .execute();
  }

  async aliases(status?: AliasRecord['status'], guildId?: string): Promise<AliasRecord[]> {
    let query = this.#open().selectFrom('aliases').selectAll();
    if (status !== undefined) query = query.where('status', '=', status);
    if (guildId !== undefined) query = query.where('guild_id', '=', guildId);
    return (await query.orderBy('id').execute()).map(aliasOf);
  }

  async decideAlias(input: {
    readonly id: number;
    readonly approve: boolean;
    readonly by: string;
  }): Promise<boolean> {
    const result = await this.#open()
      .updateTable('aliases')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: input.by,
        decided_at: this.#now().toISOString(),
      })
      .where('id', '=', input.id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
  }

  #open(): Kysely<Database> {
    if (this.#closed) throw new Error('store: the database is closed');
    return this.#db;
  }
}
