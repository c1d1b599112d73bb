import { type ColumnDefinitionBuilder, type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';

/** An auto-numbered id: SQLite's rowid alias, an identity column elsewhere (Postgres). */
function autoId(db: Kysely<unknown>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return (col: ColumnDefinitionBuilder) =>
    sqlite ? col.primaryKey() : col.primaryKey().generatedByDefaultAsIdentity();
}

/**
 * The schema, one entry per version, applied in name order at start and never edited once
 * released: a change is a new entry. Only portable types, so Postgres runs the same list.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('guild_id', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('value', 'text', (col) => col.notNull())
        .addColumn('set_by', 'text', (col) => col.notNull())
        .addColumn('set_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['guild_id', 'name'])
        .execute();
      await db.schema
        .createTable('votes')
        .addColumn('answer_id', 'text', (col) => col.notNull())
        .addColumn('user_hash', 'text', (col) => col.notNull())
        .addColumn('vote', 'text', (col) => col.notNull())
        .addColumn('question', 'text', (col) => col.notNull())
        .addColumn('sources', 'text', (col) => col.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('time', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['answer_id', 'user_hash'])
        .execute();
      await db.schema.createIndex('votes_time').on('votes').column('time').execute();
      await db.schema
        .createTable('unanswered')
        .addColumn('id', 'integer', autoId(db))
        .addColumn('question', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('sources', 'text', (col) => col.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('user_hash', 'text', (col) => col.notNull())
        .addColumn('time', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('unanswered_time').on('unanswered').column('time').execute();
      await db.schema
        .createTable('aliases')
        .addColumn('id', 'integer', autoId(db))
        .addColumn('article', 'text', (col) => col.notNull())
        .addColumn('question', 'text', (col) => col.notNull())
        .addColumn('question_key', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('proposed_at', 'text', (col) => col.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('aliases_article_question', ['article', 'question_key'])
        .execute();
    },
  },
  // Aliases apply per server: one wording may be proposed (and decided) once in each server.
  '0002_aliases_per_guild': {
    async up(db: Kysely<unknown>) {
      const unique = ['guild_id', 'article', 'question_key'] as const;
      if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
        await db.schema.alterTable('aliases').dropConstraint('aliases_article_question').execute();
        await db.schema
          .alterTable('aliases')
          .addUniqueConstraint('aliases_guild_article_question', [...unique])
          .execute();
        return;
      }
      // SQLite cannot drop a table constraint: the table is rebuilt with the new one, ids kept.
      await db.schema
        .createTable('aliases_next')
        .addColumn('id', 'integer', autoId(db))
        .addColumn('article', 'text', (col) => col.notNull())
        .addColumn('question', 'text', (col) => col.notNull())
        .addColumn('question_key', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('proposed_at', 'text', (col) => col.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('aliases_guild_article_question', [...unique])
        .execute();
      await sql`insert into aliases_next select id, article, question, question_key, status, guild_id, proposed_at, decided_by, decided_at from aliases`.execute(
        db,
      );
      await db.schema.dropTable('aliases').execute();
      await db.schema.alterTable('aliases_next').renameTo('aliases').execute();
    },
  },
};
