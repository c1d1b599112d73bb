import type { Store } from './types.ts';

/** The approved aliases of every server, grouped by article (the engine indexes them as data). */
export async function approvedAliases(store: Pick<Store, 'aliases'>): Promise<Record<string, string[]>> {
  const byArticle: Record<string, string[]> = {};
  for (const alias of await store.aliases('approved')) {
    const questions = Object.hasOwn(byArticle, alias.article) ? byArticle[alias.article] : undefined;
    if (questions) questions.push(alias.question);
    else byArticle[alias.article] = [alias.question];
  }
  return byArticle;
}
