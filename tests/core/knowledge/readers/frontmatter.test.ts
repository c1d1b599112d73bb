import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../../src/core/knowledge/readers/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('returns the whole text as body when there is no frontmatter', () => {
    const source = 'no frontmatter\n---\nx: y\n---\n';
    expect(splitFrontmatter(source)).toEqual({ meta: {}, body: source });
  });

  it('splits known keys from the body and ignores unknown keys', () => {
    const { meta, body } = splitFrontmatter('---\ntitle: Hello\nauthor: someone\n---\nThe body.\n');
    expect(meta).toEqual({ title: 'Hello' });
    expect(body).toBe('The body.\n');
  });

  it('accepts numbers and dates as text, comma-separated tags and `...` as closing fence', () => {
    const { meta } = splitFrontmatter('---\ntitle: 42\ndate: 2024-01-02\ntags: a, b ,, c\n...\nbody');
    expect(meta).toEqual({ title: '42', date: '2024-01-02', tags: ['a', 'b', 'c'] });
  });

  it('accepts an empty frontmatter block', () => {
    expect(splitFrontmatter('---\n---\nbody')).toEqual({ meta: {}, body: 'body' });
  });

  it('accepts Windows line endings', () => {
    expect(splitFrontmatter('---\r\ntitle: Hi\r\n---\r\nbody')).toEqual({
      meta: { title: 'Hi' },
      body: 'body',
    });
  });

  it('leaves out a blank title', () => {
    expect(splitFrontmatter('---\ntitle: "  "\n---\nb').meta).toEqual({});
  });

  it.each([
    ['broken YAML', '---\ntitle: [unclosed\n---\nbody', /^broken frontmatter: Flow sequence/],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\nbody', /^broken frontmatter: Map keys must be unique/],
    ['tab indentation', '---\n\ttitle: x\n---\nbody', /^broken frontmatter: Tabs are not allowed/],
    [
      'an unclosed fence',
      '---\ntitle: x\nbody without a closing fence',
      /^broken frontmatter: no closing ---$/,
    ],
    ['a title that is a map', '---\ntitle: {a: 1}\n---\nb', /^broken frontmatter: title: /],
    ['a url that is not http(s)', '---\nurl: ftp://example.com/x\n---\nb', /^broken frontmatter: url: /],
    ['a url that is not a url', '---\nurl: not a url\n---\nb', /^broken frontmatter: url: /],
    ['tags that are a number', '---\ntags: 5\n---\nb', /^broken frontmatter: tags: /],
    ['a lang that is a number', '---\nlang: 5\n---\nb', /^broken frontmatter: lang: /],
    ['a list instead of a map', '---\n- a\n- b\n---\nb', /^broken frontmatter: block: /],
    ['a plain string instead of a map', '---\njust text\n---\nb', /^broken frontmatter: block: /],
  ])('rejects %s with a one-line `broken frontmatter:` error', (_case, source, message) => {
    expect(() => splitFrontmatter(source)).toThrow(message);
    try {
      splitFrontmatter(source);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
