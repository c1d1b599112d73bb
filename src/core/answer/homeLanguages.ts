import type { KnowledgeBase } from '../knowledgeBase.ts';

/** Per folder: how many of its articles are in each language, and how many it holds. */
type FolderLanguages = ReadonlyMap<
  string,
  { readonly total: number; readonly byLang: ReadonlyMap<string, number> }
>;

const cache = new WeakMap<KnowledgeBase, FolderLanguages>();

/** The folder an article id is filed in (`it-IT/sect.x509.html` → `it-IT`; `faq.md` → ``). */
function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash < 0 ? '' : id.slice(0, slash);
}

function folderLanguages(kb: KnowledgeBase): FolderLanguages {
  let folders = cache.get(kb);
  if (!folders) {
    const counts = new Map<string, { total: number; byLang: Map<string, number> }>();
    for (const [id, article] of kb.articles) {
      const folder = folderOf(id);
      const entry = counts.get(folder) ?? { total: 0, byLang: new Map<string, number>() };
      entry.total++;
      entry.byLang.set(article.lang, (entry.byLang.get(article.lang) ?? 0) + 1);
      counts.set(folder, entry);
    }
    folders = counts;
    cache.set(kb, folders);
  }
  return folders;
}

/**
 * The share of the articles in an article's folder that are in `lang` (0–1): how much at home a
 * reader of `lang` is there. A page left untranslated in the Italian folder of a handbook is
 * English, but English readers find the English pages in the English folder.
 */
function homeShare(kb: KnowledgeBase, id: string, lang: string): number {
  const entry = folderLanguages(kb).get(folderOf(id));
  return entry ? (entry.byLang.get(lang) ?? 0) / entry.total : 0;
}

const twinCache = new WeakMap<KnowledgeBase, ReadonlyMap<string, readonly string[]>>();

/** The file name an article id ends in (`it-IT/sect.x509.html` → `sect.x509.html`). */
export function fileOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * The article of the same file name in another folder where `lang` is most at home, if it is more
 * at home there than in `id`'s folder and the article is in `lang` (`it-IT/sect.x509.html` →
 * `en-US/sect.x509.html` for English): where a reader of `lang` finds that page.
 */
export function homeTwin(kb: KnowledgeBase, id: string, lang: string): string | undefined {
  let byFile = twinCache.get(kb);
  if (!byFile) {
    const map = new Map<string, string[]>();
    for (const articleId of kb.articles.keys()) {
      const list = map.get(fileOf(articleId));
      if (list) list.push(articleId);
      else map.set(fileOf(articleId), [articleId]);
    }
    byFile = map;
    twinCache.set(kb, byFile);
  }
  let best: string | undefined;
  let bestScore = homeScore(kb, id, lang);
  for (const twin of byFile.get(fileOf(id)) ?? []) {
    const score = homeScore(kb, twin, lang);
    if (twin !== id && score > bestScore && kb.articles.get(twin)?.lang === lang) {
      best = twin;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How much at home `lang` is in an article's folder: its share there, plus 1 when the folder is
 * named for the language (`en`, `en-US`, `docs/en_GB`): a Danish folder left wholly in English is
 * English too, but English readers look in the English one.
 */
export function homeScore(kb: KnowledgeBase, id: string, lang: string): number {
  const name = folderOf(id).split('/').at(-1)?.toLowerCase() ?? '';
  const named = name === lang || name.startsWith(`${lang}-`) || name.startsWith(`${lang}_`);
  return homeShare(kb, id, lang) + (named ? 1 : 0);
}
