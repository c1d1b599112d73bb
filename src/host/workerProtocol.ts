import type { OperationArgs, OperationName, OperationResult } from '../core/operations.ts';
import type { SearchSettings } from '../core/search/settings.ts';
import type { KnowledgeStats } from '../core/types.ts';

/** What the engine worker is started with (`workerData`): the clonable part of `LoadOptions`. */
export interface WorkerLoadOptions {
  readonly knowledgeDir: string;
  readonly cacheDir?: string;
  readonly settings?: SearchSettings;
  readonly followOutsideLinks?: boolean;
}

/** One engine operation with its arguments, sent from the host to the worker. */
export type EngineRequest = {
  readonly [K in OperationName]: { readonly op: K; readonly args: OperationArgs<K> };
}[OperationName];

/** A request on the wire: numbered so that replies find their caller. */
export type RequestMessage = EngineRequest & { readonly id: number };

/** Everything the worker sends to the host. */
export type WorkerMessage =
  | { readonly kind: 'ready'; readonly stats: KnowledgeStats }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly value: OperationResult<OperationName> }
  | { readonly kind: 'error'; readonly id: number; readonly error: string };
