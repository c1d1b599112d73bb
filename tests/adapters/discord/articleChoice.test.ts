import { describe, expect, it } from 'vitest';
import { articleButtonId, decodeArticleButton } from '../../../src/adapters/discord/articleChoice.ts';

describe('the buttons of /article when several articles match', () => {
  it('carry the article id whole and whether it is shown hidden', () => {
    for (const source of ['a.md', 'guides/net|work.md', 'ü/ß.txt'])
      for (const hidden of [true, false])
        expect(decodeArticleButton(articleButtonId(source, hidden) ?? '')).toEqual({ source, hidden });
  });

  it('give no button to an id longer than a custom_id holds, and read no other button as theirs', () => {
    expect(articleButtonId('x'.repeat(94), false)).toHaveLength(100);
    expect(articleButtonId('x'.repeat(95), false)).toBeUndefined();
    for (const other of ['kl1|a|1|0', 'c1|up|0|1|123456789012345678|0|q', 'ka1|x|a.md', 'ka1|p|'])
      expect(decodeArticleButton(other)).toBeUndefined();
  });
});
