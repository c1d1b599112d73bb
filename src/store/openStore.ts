import { openPostgresStore } from './openPostgresStore.ts';
import { openSqliteStore } from './openSqliteStore.ts';
import type { ImportReport, Store } from './types.ts';

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** DATA_DIR. */
  readonly dataDir: string;
  /** DATABASE_URL: set → PostgreSQL, absent → `DATA_DIR/citebot.sqlite`. */
  readonly databaseUrl?: string | undefined;
  readonly now?: () => Date;
  readonly onWarning?: (message: string) => void;
  readonly onImport?: (report: ImportReport) => void;
}

/** Opens the configured engine behind the one {@link Store} interface. */
export function openStore(options: StoreOptions): Promise<Store> {
  const { databaseUrl, ...rest } = options;
  return databaseUrl === undefined ? openSqliteStore(rest) : openPostgresStore({ ...rest, databaseUrl });
}
