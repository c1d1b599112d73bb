import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

/** The articles shipped with citebot. */
export const shippedKnowledge = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/** A fresh folder for the running test, removed when the test ends. */
export async function tempFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citebot-service-'));
  onTestFinished(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files below `root`, creating folders on the way. */
export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
  }
}

/** A copy of the shipped knowledge in a temporary folder (the shipped files are read-only). */
export async function copyOfShippedKnowledge(): Promise<string> {
  const dir = await tempFolder();
  for (const name of await fs.readdir(shippedKnowledge)) {
    await fs.writeFile(path.join(dir, name), await fs.readFile(path.join(shippedKnowledge, name)));
  }
  return dir;
}

/**
 * Markdown articles of made-up words (deterministic), enough that building their index takes a
 * noticeable while: for observing what happens during a build.
 */
export function generatedArticles(count: number, words = 600): Record<string, string> {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tus', 'vo', 'dex', 'pra', 'sil', 'nor', 'qua', 'bel'];
  const word = () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * 12)]).join('');
  const articles: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: words / 60 }, () =>
      Array.from({ length: 60 }, word).join(' ').concat('.'),
    );
    articles[`generated/article-${i}.md`] = `# Article ${i} ${word()}\n\n${paragraphs.join('\n\n')}\n`;
  }
  return articles;
}
