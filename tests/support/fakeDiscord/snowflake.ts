/** Discord's epoch (2015-01-01T00:00:00.000Z) in milliseconds: snowflake timestamps count from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/**
 * A new snowflake for the current time, built like Discord's: 42 bits of milliseconds since the
 * Discord epoch, 5 bits worker, 5 bits process, 12 bits increment. Today's snowflakes have 19 digits;
 * @discordjs/rest groups rate-limit buckets by `\d{17,19}`, so ids must look like these.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  const worker = 1n;
  const processId = 0n;
  return (
    ((BigInt(at) - DISCORD_EPOCH) << 22n) |
    (worker << 17n) |
    (processId << 12n) |
    increment
  ).toString();
}

/**
 * A snowflake whose guild would be on `shard` of `shardCount` by Discord's `(id >> 22) % count`: the
 * timestamp steps back from `at` to the latest millisecond that falls on that shard.
 */
export function snowflakeOnShard(shard: number, shardCount: number, at: number = Date.now()): string {
  const elapsed = at - Number(DISCORD_EPOCH);
  const back = (((elapsed - shard) % shardCount) + shardCount) % shardCount;
  return snowflake(at - back);
}

/** The creation time of a snowflake, in milliseconds since the Unix epoch. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** An ISO-8601 timestamp the way Discord writes them (`2024-05-01T12:00:00.000000+00:00`). */
export function discordTimestamp(at: number = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '000+00:00');
}
