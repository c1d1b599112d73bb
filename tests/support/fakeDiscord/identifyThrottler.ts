import type { IIdentifyThrottler } from '@discordjs/ws';

/**
 * An identify throttler that never waits. @discordjs/ws spaces IDENTIFYs 5 s apart (plus up to
 * 1.5 s jitter), so a test of re-identifying after INVALID_SESSION would take 5–6.5 s; pass
 * `ws: { buildIdentifyThrottler: () => immediateIdentifyThrottler }` in the Client options instead.
 */
export const immediateIdentifyThrottler: IIdentifyThrottler = {
  async waitForIdentify() {},
};
