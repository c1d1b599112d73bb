import { parse } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from '../../types.ts';

const text = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));

const schema = z
  .object({
    title: text.optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    date: text.optional(),
    lang: z.string().optional(),
    tags: z.union([z.array(text), z.string().transform((s) => s.split(',').map((t) => t.trim()))]).optional(),
  })
  .loose();

/** A text split into its frontmatter metadata and the body after it. */
export interface Frontmatter {
  readonly meta: ArticleMeta;
  readonly body: string;
}

const fence = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML frontmatter (`---` … `---` at the very top) from a document. Known keys: `title`,
 * `url`, `date`, `lang`, `tags` (all optional; other keys are ignored).
 *
 * @throws Error `broken frontmatter: …` when the block is not valid YAML or a known key has the wrong type
 */
export function splitFrontmatter(source: string): Frontmatter {
  const match = fence.exec(source);
  if (!match) {
    if (/^---[ \t]*\r?\n/.test(source) && !/^---[ \t]*\r?\n[\s\S]*?\r?\n---/.test(source)) {
      throw new Error('broken frontmatter: no closing ---');
    }
    return { meta: {}, body: source };
  }
  let data: unknown;
  try {
    data = parse(match[1] ?? '') ?? {};
  } catch (error) {
    throw new Error(`broken frontmatter: ${firstLine(error)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `broken frontmatter: ${issue?.path.join('.') || 'block'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const { title, url, date, lang, tags } = parsed.data;
  const meta: ArticleMeta = {
    ...(title?.trim() ? { title: title.trim() } : {}),
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
    ...(lang ? { lang } : {}),
    ...(tags ? { tags: tags.filter(Boolean) } : {}),
  };
  return { meta, body: source.slice(match[0].length) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'invalid YAML';
}
