/**
 * Entry point of the engine worker thread: loads (or builds) one engine from `workerData` and
 * answers numbered requests from the host. Everything slow — reading, chunking, indexing,
 * answering — happens on this thread, never on the host's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runOperation } from '../core/operations.ts';
import { loadEngine } from './loadEngine.ts';
import type { RequestMessage, WorkerLoadOptions, WorkerMessage } from './workerProtocol.ts';

const port = parentPort;
if (!port) throw new Error('engine worker: must run in a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const options = workerData as WorkerLoadOptions;
const engine = loadEngine({ ...options, onWarning: (message) => send({ kind: 'warning', message }) });
engine.then(
  (e) => {
    send({ kind: 'ready', stats: e.stats() });
    // Build the autocomplete lists now rather than on the first keystroke someone types.
    e.suggest('article', 'a', 1);
    // Decode the cached language indexes one at a time, letting questions in between.
    const warm = () => {
      if (e.warmUp()) setImmediate(warm);
    };
    setImmediate(warm);
  },
  (error: unknown) => send({ kind: 'failed', error: describe(error) }),
);

port.on('message', (request: RequestMessage) => {
  engine.then(
    (e) => {
      try {
        send({ kind: 'result', id: request.id, value: runOperation(e, request.op, request.args) });
      } catch (error) {
        send({ kind: 'error', id: request.id, error: describe(error) });
      }
    },
    (error: unknown) => send({ kind: 'error', id: request.id, error: describe(error) }),
  );
});
