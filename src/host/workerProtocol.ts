import type { SearchSettings } from '../core/search/settings.ts';
import type { Answer, ArticleView, KnowledgeStats, SearchPage, Suggestion } from '../core/types.ts';

/** A page of citations or hits. */
export interface Page {
  readonly offset?: number;
  readonly limit?: number;
}

/** What the engine worker is started with (`workerData`): the clonable part of `LoadOptions`. */
export interface WorkerLoadOptions {
  readonly knowledgeDir: string;
  readonly cacheDir?: string;
  readonly settings?: SearchSettings;
}

/** A question for the engine, sent from the host to the worker. */
export type EngineRequest =
  | { readonly op: 'ask'; readonly question: string; readonly page?: Page }
  | { readonly op: 'search'; readonly query: string; readonly page?: Page }
  | { readonly op: 'article'; readonly name: string }
  | {
      readonly op: 'suggest';
      readonly kind: 'question' | 'article';
      readonly partial: string;
      readonly limit?: number;
    };

/** The value each request resolves to. */
export interface EngineResults {
  readonly ask: Answer;
  readonly search: SearchPage;
  readonly article: ArticleView | undefined;
  readonly suggest: Suggestion[];
}

/** A request on the wire: numbered so that replies find their caller. */
export type RequestMessage = EngineRequest & { readonly id: number };

/** Everything the worker sends to the host. */
export type WorkerMessage =
  | { readonly kind: 'ready'; readonly stats: KnowledgeStats }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly value: EngineResults[keyof EngineResults] }
  | { readonly kind: 'error'; readonly id: number; readonly error: string };
