import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BotContext, createContext } from '../../../src/adapters/discord/context.ts';
import { DefaultTuning, parseConfig } from '../../../src/config/index.ts';
import {
  type EngineOperations,
  type KnowledgeService,
  operationsVia,
  runOperation,
} from '../../../src/core/operations.ts';
import type { Answer, KnowledgeStats } from '../../../src/core/types.ts';
import { createLogger } from '../../../src/logger.ts';
import { openSqliteStore } from '../../../src/store/index.ts';

export const stats: KnowledgeStats = {
  articles: 2,
  passages: 9,
  languages: { en: 1, de: 1 },
  skipped: [],
  builtAt: 0,
  buildMs: 12,
  fromCache: false,
};

export const answered: Answer = {
  question: 'When was the alliance signed?',
  answered: true,
  citations: [
    {
      n: 1,
      source: 'alliance.md',
      title: 'The Alliance',
      snippet: { text: 'The alliance was signed in 1815.', marks: [{ start: 4, end: 12 }] },
      score: 2,
    },
  ],
  related: [],
  hasMore: false,
  articlesSearched: 2,
};

/** Fixed answers for every engine operation (a new operation must be added here to compile). */
const fixedEngine: EngineOperations = {
  ask: (question) => ({ ...answered, question }),
  search: (query) => ({ query, hits: [], total: 0, offset: 0, articlesSearched: 2 }),
  article: () => undefined,
  suggest: () => [],
  stats: () => stats,
};

/**
 * A hand-built service derived from the engine operations like the real ones: every operation
 * answers from fixed values unless overridden.
 */
export function fakeService(overrides: Partial<KnowledgeService> = {}): KnowledgeService {
  return {
    ...operationsVia(async (op, args) => runOperation(fixedEngine, op, args)),
    reload: async () => ({ ok: true, stats }),
    close: async () => {},
    ...overrides,
  };
}

const opened: BotContext[] = [];

/** A bot context over `service` with a fresh data folder and a silent logger. */
export async function fakeContext(service: KnowledgeService): Promise<BotContext> {
  const dataDir = await mkdtemp(join(tmpdir(), 'citebot-ctx-'));
  const config = parseConfig({ DATA_DIR: dataDir });
  const store = await openSqliteStore({ dataDir });
  const ctx = createContext({
    config,
    tuning: DefaultTuning,
    service,
    logger: createLogger({ level: 'silent' }),
    store,
  });
  opened.push(ctx);
  return ctx;
}

/** Closes the stores and removes the data folders of every context made so far. */
export async function cleanupContexts(): Promise<void> {
  for (const ctx of opened.splice(0)) {
    await ctx.store.close();
    await rm(ctx.config.dataDir, { recursive: true, force: true });
  }
}
