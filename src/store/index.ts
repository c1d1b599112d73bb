export { openPostgresStore, type PostgresStoreOptions, redactDatabaseUrl } from './openPostgresStore.ts';
export { databaseFile, openSqliteStore, type SqliteStoreOptions } from './openSqliteStore.ts';
export { openStore, type StoreOptions } from './openStore.ts';
export { questionKey } from './questionKey.ts';
export type * from './types.ts';
