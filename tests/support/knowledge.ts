import { Engine } from '../../src/core/engine.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledgeBase.ts';
import { DefaultSearchSettings, type SearchSettings } from '../../src/core/search/settings.ts';
import { loadEngine } from '../../src/host/loadEngine.ts';
import { shippedKnowledge } from './paths.ts';

const encoder = new TextEncoder();

/** Builds a knowledge base in memory from article texts by file name, without touching the disk. */
export function knowledgeFrom(
  articles: Readonly<Record<string, string>>,
  options: { synonyms?: string; settings?: SearchSettings } = {},
): KnowledgeBase {
  return buildKnowledgeBase(
    {
      files: Object.entries(articles).map(([id, text]) => ({ id, bytes: encoder.encode(text) })),
      skipped: [],
      ...(options.synonyms !== undefined ? { synonyms: options.synonyms } : {}),
      hash: 'in-memory',
    },
    options.settings ?? DefaultSearchSettings,
  );
}

/** An engine over articles held in memory (see {@link knowledgeFrom}). */
export function engineFrom(
  articles: Readonly<Record<string, string>>,
  options: { synonyms?: string; settings?: SearchSettings } = {},
): Engine {
  return new Engine(
    knowledgeFrom(articles, options),
    { builtAt: 0, buildMs: 0, fromCache: false },
    options.settings ?? DefaultSearchSettings,
  );
}

/**
 * The default settings with some values changed. `SearchSettings` is `typeof DefaultSearchSettings`
 * of an `as const` object, so its type admits only the default values: other values need this cast.
 */
export function tunedSettings(changes: { readonly [K in keyof SearchSettings]?: unknown }): SearchSettings {
  return { ...DefaultSearchSettings, ...changes } as SearchSettings;
}

let shipped: Promise<Engine> | undefined;

/** The engine over the shipped `knowledge/` folder, loaded once per test file. */
export function shippedEngine(): Promise<Engine> {
  shipped ??= loadEngine({ knowledgeDir: shippedKnowledge });
  return shipped;
}
