import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../src/core/analysis/analyzer.ts';
import { rankArticles } from '../../../src/core/answer/rankArticles.ts';
import { idf, searchPassages } from '../../../src/core/search/searchPassages.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { knowledgeFrom } from '../../support/knowledge.ts';

const settings = DefaultSearchSettings;

const articles = {
  'allianz.txt':
    'Blockchain-Allianz in Chongqing\n\nMehr als 100 bekannte in- und ausländische Unternehmen haben sich der Allianz angeschlossen. ' +
    'Mitglieder sind laut dieser Ankündigung Inspur, Huawei, IBM, Tencent, Alibaba und Baidu. ' +
    'Die Allianz befindet sich im Cluster für intelligente Industrie im Distrikt Yuzhong.',
  'center.txt':
    'National Blockchain Center\n\nChina has launched a National Blockchain Center in Beijing. The research center has set a goal ' +
    'of training around 500,000 blockchain professionals. Zheng Zhiming is a renowned researcher hailing from the Academy of Sciences.',
  'garden.txt':
    'Gardening in spring\n\nSpring is the best time to plant tomatoes and beans in the garden. Water the young plants every ' +
    'morning and keep the soil loose so that the roots can breathe.',
};

const sources = (kb: ReturnType<typeof knowledgeFrom>, question: string) =>
  searchPassages(kb, question, settings, 10).hits.map((h) => h.passage.articleId);

describe('searchPassages', () => {
  const kb = knowledgeFrom(articles);

  it('finds German passages for a German question and English ones for an English question', () => {
    expect(sources(kb, 'Welche Unternehmen sind Mitglieder?')[0]).toBe('allianz.txt');
    expect(sources(kb, 'How many professionals will be trained?')[0]).toBe('center.txt');
    expect(sources(kb, 'When should I plant tomatoes?')).toEqual(['garden.txt']);
  });

  it('matches names across languages', () => {
    expect(sources(kb, 'Inspur')).toEqual(['allianz.txt']);
    expect(sources(kb, 'Wer ist Zheng Zhiming?')).toEqual(['center.txt']);
  });

  it('tolerates a typo in a long word', () => {
    expect(sources(kb, 'profesionals')[0]).toBe('center.txt');
  });

  it('is not searchable when the question has only stopwords, punctuation or nothing', () => {
    for (const q of ['', '   ', 'What is the?', 'Wer ist das?', '?!… 🚀']) {
      expect(searchPassages(kb, q, settings, 10)).toEqual({
        hits: [],
        articles: new Map(),
        grams: new Map(),
        reserve: new Map(),
        terms: new Set(),
        searchable: false,
        concepts: 0,
        question: q,
      });
    }
  });

  it('is searchable but finds nothing for words no article has', () => {
    const found = searchPassages(kb, 'quantum entanglement', settings, 10);
    expect(found.searchable).toBe(true);
    expect(found.hits).toEqual([]);
  });

  it('returns hits best first with the matched terms and a coverage between 0 and 1', () => {
    const question = 'blockchain professionals in Beijing';
    const english = new Set(analyzerFor('en').terms(question));
    const { hits, terms } = searchPassages(kb, question, settings, 10);
    expect(hits.map((h) => h.passage.articleId)).toEqual(['center.txt', 'allianz.txt']);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(hits[0]?.matched).toEqual(english);
    expect(hits[0]?.coverage).toBe(1);
    expect(hits[1]?.coverage).toBeGreaterThan(0);
    expect(hits[1]?.coverage).toBeLessThan(1);
    for (const term of english) expect(terms).toContain(term);
  });

  it('respects the limit', () => {
    expect(searchPassages(kb, 'the blockchain garden', settings, 1).hits).toHaveLength(1);
  });

  it('reads only the first `maxQuestionChars` characters of a question', () => {
    const padded = `${'x '.repeat(settings.maxQuestionChars)} tomatoes`;
    expect(searchPassages(kb, padded, settings, 10).hits).toEqual([]);
    expect(sources(kb, `tomatoes ${'x '.repeat(settings.maxQuestionChars)}`)).toEqual(['garden.txt']);
  });
});

describe('searchPassages with synonyms', () => {
  const synonyms = 'alliance, Allianz\ncompany, companies, Unternehmen';

  it('prefers the article using pieces of a word in another form (Tastenverzögerungen / Tasten … verzögert)', () => {
    const de = knowledgeFrom({
      'maus.txt': 'Maus\n\nWenn die Maus träge reagiert, prüfen Sie die Einstellungen.',
      'tasten.txt': 'Tastatur\n\nWenn die Tasten verzögert reagieren, prüfen Sie die Einstellungen.',
    });
    const found = searchPassages(de, 'Tastenverzögerungen einstellen', settings, 10);
    expect([...found.articles.keys()].sort()).toEqual(['maus.txt', 'tasten.txt']);
    expect(found.articles.get('tasten.txt')?.score).toBeCloseTo(found.articles.get('maus.txt')?.score ?? 0);
    expect([...found.grams].sort((x, y) => y[1] - x[1])[0]?.[0]).toBe('tasten.txt');
    expect(rankArticles(found, settings)[0]?.articleId).toBe('tasten.txt');
  });

  it('matches no article by pieces of words alone', () => {
    const de = knowledgeFrom({
      'tasten.txt': 'Tastatur\n\nWenn die Tasten verzögert reagieren, prüfen Sie das.',
    });
    const found = searchPassages(de, 'Tastenverzögerungen', settings, 10);
    expect(found.hits).toEqual([]);
    expect(found.grams.size).toBe(0);
    expect(rankArticles(found, settings)).toEqual([]);
  });

  it('finds the German `Allianz` first for an English question with `alliance`', () => {
    const kb = knowledgeFrom(articles, { synonyms });
    const [best] = searchPassages(kb, 'Which companies belong to the alliance?', settings, 10).hits;
    expect(best?.passage.articleId).toBe('allianz.txt');
    expect(best?.matched).toContain(analyzerFor('de').term('Allianz'));
    expect(best?.matched).toContain(analyzerFor('de').term('Unternehmen'));
  });

  it('finds a passage through a synonym that shares no letters with the question’s word', () => {
    expect(sources(knowledgeFrom(articles), 'companies')).toEqual([]);
    expect(sources(knowledgeFrom(articles, { synonyms }), 'companies')).toEqual(['allianz.txt']);
  });
});

describe('idf', () => {
  it('is higher for rarer terms and positive for unknown ones', () => {
    const kb = knowledgeFrom(articles);
    expect(idf(kb, 'inspur')).toBeGreaterThan(idf(kb, 'blockchain'));
    expect(idf(kb, 'never-indexed')).toBeGreaterThan(idf(kb, 'inspur'));
  });
});
