import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/adapters/discord/commands/index.ts';
import { refusal } from '../../../src/adapters/discord/preconditions.ts';
import { Notices } from '../../../src/adapters/discord/render/index.ts';
import { cleanupContexts, fakeContext, fakeService } from './fakeService.ts';

afterEach(cleanupContexts);

describe('refusal', () => {
  it('lets a request through when every precondition holds', async () => {
    const ctx = await fakeContext(fakeService());
    const all = { adminOnly: true, needsText: 'emptyQuestion', rateLimited: true } as const;
    expect(await refusal(ctx, all, { userId: '1', isAdmin: true, text: 'why?' })).toBeUndefined();
    expect(await refusal(ctx, {}, { userId: '1' })).toBeUndefined();
  });

  it('refuses non-admins, empty text and users over the limit with their notices', async () => {
    const ctx = await fakeContext(fakeService());
    expect(await refusal(ctx, { adminOnly: true }, { userId: '1', isAdmin: false })).toBe(Notices.adminOnly);
    expect(await refusal(ctx, { needsText: 'noSearchText' }, { userId: '1', text: ' ?! ' })).toBe(
      Notices.noSearchText,
    );
    const limited = { rateLimited: true };
    for (let i = 0; i < ctx.config.rateLimit.questions; i++) {
      expect(await refusal(ctx, limited, { userId: '2' })).toBeUndefined();
    }
    expect(await refusal(ctx, limited, { userId: '2' })).toMatch(/please wait \d+ s/);
    expect(await refusal(ctx, limited, { userId: '3' })).toBeUndefined();
  });

  it('spends no question on a request refused for another reason', async () => {
    const ctx = await fakeContext(fakeService());
    const pre = { needsText: 'emptyQuestion', rateLimited: true } as const;
    for (let i = 0; i < ctx.config.rateLimit.questions + 3; i++)
      await refusal(ctx, pre, { userId: '4', text: '' });
    expect(await refusal(ctx, pre, { userId: '4', text: 'why?' })).toBeUndefined();
  });
});

describe('command preconditions', () => {
  it('are declared as data: every command that asks the engine is rate limited and needs text; /kb is for admins', async () => {
    const byName = new Map(commands.map((c) => [c.data.name, c.preconditions ?? {}]));
    expect(byName.get('ask')).toEqual({ needsText: 'emptyQuestion', rateLimited: true });
    expect(byName.get('search')).toEqual({ needsText: 'noSearchText', rateLimited: true });
    expect(byName.get('Answer with citebot')).toEqual({ needsText: 'noText', rateLimited: true });
    expect(byName.get('article')).toEqual({ needsText: 'noArticleName' });
    expect(byName.get('kb')).toEqual({ adminOnly: true });
    expect(byName.get('help')).toEqual({});
  });
});
