import { styleText } from 'node:util';
import type { Answer, ArticleView, KnowledgeStats, SearchPage, Snippet } from '../../core/types.ts';

/** How to print: with ANSI styles on a terminal, plain otherwise. */
export interface TextStyle {
  readonly color: boolean;
}

/** The hedge above a best match (the same wording as the Discord notice). */
const BEST_MATCH = "I'm not sure this answers it — the closest passage:";

/** An answer as terminal text: numbered snippets, then their sources; a best match under a hedge. */
export function formatAnswer(answer: Answer, style: TextStyle): string {
  const [best] = answer.citations;
  if (!answer.answered && best) {
    const where = [best.title, best.heading].filter(Boolean).join(' › ');
    const lines = [BEST_MATCH, `[${best.n}] ${marked(best.snippet, style)}`, '', dim('Source:', style)];
    lines.push(dim(`  [${best.n}] ${where} — ${best.url ?? best.source}`, style));
    if (answer.related.length > 0) {
      lines.push('', 'Closest articles:', ...answer.related.map((r) => `  - ${r.title} (${r.source})`));
    }
    return lines.join('\n');
  }
  if (!answer.answered) {
    const lines = [
      answer.reason === 'empty-question'
        ? 'Please ask a question: a few words about what you want to know.'
        : "I couldn't find an answer to that in the articles.",
    ];
    if (answer.related.length > 0) {
      lines.push('Closest articles:', ...answer.related.map((r) => `  - ${r.title} (${r.source})`));
    }
    return lines.join('\n');
  }
  const lines: string[] = [];
  for (const c of answer.citations) lines.push(`[${c.n}] ${marked(c.snippet, style)}`);
  lines.push('', dim('Sources:', style));
  for (const c of answer.citations) {
    const where = [c.title, c.heading].filter(Boolean).join(' › ');
    lines.push(dim(`  [${c.n}] ${where} — ${c.url ?? c.source}`, style));
  }
  return lines.join('\n');
}

/** A search page as terminal text. */
export function formatSearch(page: SearchPage, style: TextStyle): string {
  if (page.hits.length === 0) return `No article matches "${page.query}".`;
  const lines = page.hits.map((h) => {
    const where = [h.title, h.heading].filter(Boolean).join(' › ');
    return `${h.rank}. ${bold(where, style)} (${h.source})\n   ${marked(h.snippet, style)}`;
  });
  lines.push(dim(`${page.total} matching article(s) of ${page.articlesSearched}`, style));
  return lines.join('\n');
}

/** One article's card. */
export function formatArticle(view: ArticleView | undefined, name: string, style: TextStyle): string {
  if (!view) return `No article called "${name}".`;
  const facts = [view.source, `language ${view.lang}`, view.date, view.url, `${view.words} words`].filter(
    Boolean,
  );
  return `${bold(view.title, style)}\n${dim(facts.join(' · '), style)}\n\n${view.opening}`;
}

/** The index report of `npm run index` and the start-up banner. */
export function formatStats(stats: KnowledgeStats): string {
  const languages = Object.entries(stats.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ');
  const lines = [
    `articles:  ${stats.articles}`,
    `passages:  ${stats.passages}`,
    `languages: ${languages}`,
    `index:     ${stats.fromCache ? 'loaded from cache' : 'built'} in ${stats.buildMs} ms`,
    `skipped:   ${stats.skipped.length}`,
    ...stats.skipped.map((s) => `  - ${s.file}: ${s.reason}`),
    ...(stats.guessedLanguages?.length
      ? [
          `language guessed (too short to detect; add \`lang:\` frontmatter): ${stats.guessedLanguages.length}`,
          ...stats.guessedLanguages.map((g) => `  - ${g.source}: ${g.lang}`),
        ]
      : []),
  ];
  return lines.join('\n');
}

function marked(snippet: Snippet, style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const m of snippet.marks) {
    out += snippet.text.slice(at, m.start) + bold(snippet.text.slice(m.start, m.end), style);
    at = m.end;
  }
  return out + snippet.text.slice(at);
}

function bold(s: string, style: TextStyle): string {
  return style.color ? styleText('bold', s) : s;
}

function dim(s: string, style: TextStyle): string {
  return style.color ? styleText('dim', s) : s;
}
