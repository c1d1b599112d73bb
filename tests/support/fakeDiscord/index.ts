/**
 * A loopback fake of Discord (REST + gateway) that the real discord.js Client talks to.
 * How a test uses it: README.md in this folder.
 */
export {
  type CloseRecord,
  type ConnectionRecord,
  type DroppedEvent,
  type EarlyIdentify,
  FakeGateway,
  type IdentifyRecord,
  type ResumeRecord,
  type SessionRecord,
} from './gateway.ts';
export { immediateIdentifyThrottler } from './identifyThrottler.ts';
export { type NetworkWatch, type OutboundAttempt, watchOutboundConnections } from './networkGuard.ts';
export * from './payloads/index.ts';
export type { FaultHandle, FaultOptions } from './rest/faults.ts';
export type { RecordedFile, RecordedRequest, RequestMatcher } from './rest/recorder.ts';
export { CALLBACK_ROUTE, FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './server.ts';
export { discordTimestamp, snowflake, snowflakeOnShard, snowflakeTime } from './snowflake.ts';
export { type FakeGuild, FakeWorld, type FakeWorldOptions, type InteractionState } from './world.ts';
