import type { KnowledgeBase } from '../knowledgeBase.ts';

/** How a knowledge folder is laid out: languages per folder, and the pages of each file name. */
interface Layout {
  readonly folders: ReadonlyMap<
    string,
    { readonly total: number; readonly byLang: ReadonlyMap<string, number> }
  >;
  readonly byFile: ReadonlyMap<string, readonly string[]>;
}

const layouts = new WeakMap<KnowledgeBase, Layout>();

/** The folder an article id is filed in (`it-IT/sect.x509.html` → `it-IT`; `faq.md` → ``). */
function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash < 0 ? '' : id.slice(0, slash);
}

/** The file name an article id ends in (`it-IT/sect.x509.html` → `sect.x509.html`). */
export function fileOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function layoutOf(kb: KnowledgeBase): Layout {
  let layout = layouts.get(kb);
  if (!layout) {
    const folders = new Map<string, { total: number; byLang: Map<string, number> }>();
    const byFile = new Map<string, string[]>();
    for (const [id, article] of kb.articles) {
      const folder = folders.get(folderOf(id)) ?? { total: 0, byLang: new Map<string, number>() };
      folder.total++;
      folder.byLang.set(article.lang, (folder.byLang.get(article.lang) ?? 0) + 1);
      folders.set(folderOf(id), folder);
      const pages = byFile.get(fileOf(id));
      if (pages) pages.push(id);
      else byFile.set(fileOf(id), [id]);
    }
    layout = { folders, byFile };
    layouts.set(kb, layout);
  }
  return layout;
}

/**
 * How much at home `lang` is in an article's folder: the share of the folder's articles in it,
 * plus 1 when the folder is named for the language (`en`, `en-US`, `docs/en_GB`). A page left
 * untranslated in the Italian folder of a handbook is English, and so is a Danish folder left
 * wholly in English, but English readers look in the English one.
 */
export function homeScore(kb: KnowledgeBase, id: string, lang: string): number {
  const folder = layoutOf(kb).folders.get(folderOf(id));
  const share = folder ? (folder.byLang.get(lang) ?? 0) / folder.total : 0;
  const name = folderOf(id).split('/').at(-1)?.toLowerCase() ?? '';
  const named = name === lang || name.startsWith(`${lang}-`) || name.startsWith(`${lang}_`);
  return share + (named ? 1 : 0);
}

/**
 * The article of the same file name in another folder where `lang` is most at home, if it is more
 * at home there than in `id`'s folder and the article is in `lang` (`it-IT/sect.x509.html` →
 * `en-US/sect.x509.html` for English): where a reader of `lang` finds that page.
 */
export function homeTwin(kb: KnowledgeBase, id: string, lang: string): string | undefined {
  let best: string | undefined;
  let bestScore = homeScore(kb, id, lang);
  for (const twin of layoutOf(kb).byFile.get(fileOf(id)) ?? []) {
    const score = homeScore(kb, twin, lang);
    if (twin !== id && score > bestScore && kb.articles.get(twin)?.lang === lang) {
      best = twin;
      bestScore = score;
    }
  }
  return best;
}
