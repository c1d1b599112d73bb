import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../src/core/knowledgeBase.ts';
import { latencies, memory, round, type Summary, summarize, timed } from './stats.ts';

/** A raw full-text index over the same passages, for comparison. */
export interface BaselineFigures {
  readonly buildMs: number;
  readonly heapMB: number;
  readonly search: Summary;
}

/** Calls before timing starts (a full warm-up round would double the slowest part of the run). */
const WARM_UP = 20;

interface Doc {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

function docsOf(kb: KnowledgeBase): Doc[] {
  return kb.passages.map((p) => ({
    id: p.id,
    title: kb.articles.get(p.articleId)?.title ?? '',
    text: p.text,
  }));
}

/** MiniSearch with its default options: fields title and text, default tokenizer, no stopwords. */
export async function miniSearchDefaults(
  kb: KnowledgeBase,
  queries: readonly string[],
): Promise<BaselineFigures> {
  const docs = docsOf(kb);
  const before = memory();
  const [index, buildMs] = await timed(() => {
    const ms = new MiniSearch<Doc>({ fields: ['title', 'text'] });
    ms.addAll(docs);
    return ms;
  });
  const heapMB = memory().heapMB - before.heapMB;
  const samples = latencies(queries, 1, (q) => index.search(q), WARM_UP);
  return { buildMs: round(buildMs), heapMB: round(heapMB), search: summarize(samples) };
}

/** Lunr with its default (English) pipeline over fields title and text. */
export async function lunrDefaults(kb: KnowledgeBase, queries: readonly string[]): Promise<BaselineFigures> {
  const docs = docsOf(kb);
  const before = memory();
  const [index, buildMs] = await timed(() =>
    lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const d of docs) this.add(d);
    }),
  );
  const heapMB = memory().heapMB - before.heapMB;
  // The query builder, not `search(string)`: questions contain Lunr's query syntax (`:`, `-`, `*`).
  const samples = latencies(
    queries,
    1,
    (q) =>
      index.query((query) => {
        query.term(lunr.tokenizer(q), {});
      }),
    WARM_UP,
  );
  return { buildMs: round(buildMs), heapMB: round(heapMB), search: summarize(samples) };
}
