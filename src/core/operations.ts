import type { Engine } from './engine.ts';
import type { ReloadReport } from './types.ts';

/**
 * The engine's operations, named once. The in-process service, the worker's dispatch and protocol
 * and the test double are all derived from this list and the {@link Engine} methods of the same
 * names: adding an operation is one entry here plus its method on `Engine`.
 */
export const ENGINE_OPERATIONS = ['ask', 'search', 'article', 'suggest', 'stats'] as const;

/** The name of one engine operation. */
export type OperationName = (typeof ENGINE_OPERATIONS)[number];

/** The synchronous operations of an engine (what `Engine` implements, and a test double mimics). */
export type EngineOperations = Pick<Engine, OperationName>;

/** The arguments of operation `K`. */
export type OperationArgs<K extends OperationName> = Parameters<EngineOperations[K]>;

/** The result of operation `K`. */
export type OperationResult<K extends OperationName> = ReturnType<EngineOperations[K]>;

/** The operations as a service serves them: the same signatures, answered asynchronously. */
export type AsyncOperations = {
  readonly [K in OperationName]: (...args: OperationArgs<K>) => Promise<OperationResult<K>>;
};

/**
 * The asynchronous face of the knowledge engine that front ends use: every engine operation, plus
 * reloading and closing. One implementation runs the engine in-process (terminal); another hosts it
 * in a worker thread (Discord), so indexing never blocks the event loop.
 */
export interface KnowledgeService extends AsyncOperations {
  /** Loads the knowledge folder again; the old index serves until the new one is ready. */
  reload(): Promise<ReloadReport>;
  close(): Promise<void>;
}

/** Runs operation `op` with `args` on `engine` (the one place that maps a name to its method). */
export function runOperation<K extends OperationName>(
  engine: EngineOperations,
  op: K,
  args: OperationArgs<K>,
): OperationResult<K> {
  const method = engine[op] as (...a: OperationArgs<K>) => OperationResult<K>;
  return method.apply(engine, args);
}

/**
 * Builds every operation from one function that carries a call somewhere (to an engine in this
 * thread, to a worker, to a fixed test value).
 */
export function operationsVia(
  call: <K extends OperationName>(op: K, args: OperationArgs<K>) => Promise<OperationResult<K>>,
): AsyncOperations {
  return Object.fromEntries(
    ENGINE_OPERATIONS.map((op) => [op, (...args: OperationArgs<typeof op>) => call(op, args)]),
  ) as unknown as AsyncOperations;
}
