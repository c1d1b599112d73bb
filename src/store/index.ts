export { databaseFile, openSqliteStore, type SqliteStoreOptions } from './openSqliteStore.ts';
export { questionKey } from './questionKey.ts';
export type * from './types.ts';
