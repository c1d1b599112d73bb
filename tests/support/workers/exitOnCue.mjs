// A gateway worker thread for tests: @discordjs/ws's own, except that it exits at once, without an
// error, when one of its shards receives a message reading `exit-worker` — a worker killed from
// outside (terminate(), an OOM kill of the thread) as the main thread sees it.
import { WorkerBootstrapper } from '@discordjs/ws';

await new WorkerBootstrapper().bootstrap({
  shardCallback: (shard) => {
    shard.on('dispatch', ({ data }) => {
      if (data.t === 'MESSAGE_CREATE' && data.d.content === 'exit-worker') process.exit(3);
    });
  },
});
