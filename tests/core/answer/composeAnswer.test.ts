import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.ts';
import { expectValidAnswer, markedWords } from '../../support/answers.ts';
import { engineFrom, shippedEngine } from '../../support/knowledge.ts';

const ENGLISH = '004_182bb502e5372a60.txt';
const GERMAN = '000_3bc0f4edfab983df.txt';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

describe('composeAnswer over the shipped articles', () => {
  it('cites the English article with "500,000" for how many professionals China’s blockchain center will train', () => {
    const question = "How many professionals will China's blockchain center train?";
    const answer = engine.ask(question);
    expectValidAnswer(answer, question);
    expect(answer.answered).toBe(true);
    const [first] = answer.citations;
    expect(first?.source).toBe(ENGLISH);
    expect(first?.title).toBe(
      'China Rolls Out National Blockchain Center to Train more than 500000 Professionals',
    );
    expect(first?.snippet.text).toContain('500,000');
    expect(answer.articlesSearched).toBe(2);
  });

  it.each(['Wer ist der Allianz beigetreten?', 'Who joined the alliance?'])(
    'cites the German article first for “%s”',
    (question) => {
      const answer = engine.ask(question);
      expectValidAnswer(answer, question);
      expect(answer.answered).toBe(true);
      expect(answer.citations[0]?.source).toBe(GERMAN);
      expect(answer.citations[0]?.heading).toBe('Große Unternehmen siedeln sich an');
      expect(answer.citations[0]?.snippet.text).toMatch(/Allianz angeschlossen/);
    },
  );

  it('marks the matched words inside the snippet, and only words the question asked for', () => {
    const answer = engine.ask("How many professionals will China's blockchain center train?");
    const snippet = answer.citations[0]?.snippet;
    if (!snippet) throw new Error('no citation');
    const words = markedWords(snippet).map((w) => w.toLowerCase());
    expect(words).toEqual(
      expect.arrayContaining(['professionals', 'blockchain', 'center', 'training', 'china']),
    );
    // `experts` through knowledge/synonyms.txt: "professionals, Fachkräfte, Experten".
    const asked = ['professionals', 'blockchain', 'center', 'training', 'china', 'train', 'experts'];
    for (const w of words) expect(asked).toContain(w);
  });

  it('marks `Allianz` and `angeschlossen` for the English question about who joined the alliance', () => {
    const snippet = engine.ask('Who joined the alliance?').citations[0]?.snippet;
    if (!snippet) throw new Error('no citation');
    expect(markedWords(snippet)).toEqual(expect.arrayContaining(['Allianz', 'angeschlossen']));
  });

  it('does not answer an off-topic question and offers at most a few related articles', () => {
    const question = 'What is the capital of France?';
    const answer = engine.ask(question);
    expectValidAnswer(answer, question);
    expect(answer.answered).toBe(false);
    expect(['low-confidence', 'no-match']).toContain(answer.reason);
    for (const r of answer.related) expect([ENGLISH, GERMAN]).toContain(r.source);
  });

  it('says the question is empty when nothing in it can be searched', () => {
    for (const question of ['', '   ', '???', 'What is it?', '🚀🚀']) {
      const answer = engine.ask(question);
      expectValidAnswer(answer, question);
      expect(answer.reason).toBe('empty-question');
    }
  });

  it('says there is no match for words no article has', () => {
    expect(engine.ask('Xylophonquartett').reason).toBe('no-match');
  });

  it('pages through citations with offset and limit, numbering across pages', () => {
    // A confident answer citing both articles ("blockchain" alone fits both alike: a best match).
    const question = 'blockchain center China';
    const first = engine.ask(question, { limit: 1 });
    const second = engine.ask(question, { offset: 1, limit: 1 });
    expectValidAnswer(first, question, 0, 1);
    expectValidAnswer(second, question, 1, 1);
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect(first.citations.map((c) => c.n)).toEqual([1]);
    expect(second.citations.map((c) => c.n)).toEqual([2]);
    expect(second.citations[0]?.source).not.toBe(first.citations[0]?.source);
    expect([...first.citations, ...second.citations]).toEqual(engine.ask(question).citations);
  });

  it('returns no citations past the last page', () => {
    const answer = engine.ask('blockchain', { offset: 10 });
    expect(answer.citations).toEqual([]);
    expect(answer.hasMore).toBe(false);
  });

  it('clamps odd page values instead of failing', () => {
    const answer = engine.ask('blockchain', { offset: -5, limit: 0 });
    expect(answer.citations.map((c) => c.n)).toEqual([1]);
    expect(engine.ask('blockchain', { limit: 1000 }).citations.length).toBeLessThanOrEqual(10);
  });
});

describe('composeAnswer over many articles', () => {
  it('gives at most 3 citations, best first, and says there are more', () => {
    // Six different articles (near copies would count as one), one of them clearly the best.
    const topics = [
      'soil and compost',
      'pruning side shoots',
      'watering in July',
      'greenhouse heat',
      'seed saving',
      'blight and mould',
    ];
    const articles = Object.fromEntries(
      topics.map((topic, i) => [
        `a${i}.md`,
        `# ${i === 5 ? 'How tomatoes grow' : `Tomatoes ${i}`}\n\nTomatoes need sun and water. ${'Tomatoes grow fast. '.repeat(i)}This article is about ${topic}.`,
      ]),
    );
    const answer = engineFrom(articles).ask('How do tomatoes grow?');
    expect(answer.answered).toBe(true);
    expect(answer.citations).toHaveLength(3);
    expect(answer.hasMore).toBe(true);
    const scores = answer.citations.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('carries the article url and the heading of the cited passage', () => {
    const answer = engineFrom({
      'tomato.md':
        '---\ntitle: Tomatoes\nurl: https://example.com/tomatoes\n---\n# Tomatoes\n\n## Watering\n\nWater tomatoes every morning.',
    }).ask('When to water tomatoes?');
    expect(answer.citations[0]).toMatchObject({
      source: 'tomato.md',
      title: 'Tomatoes',
      url: 'https://example.com/tomatoes',
      heading: 'Watering',
    });
  });
});

describe('composeAnswer over copies of one text', () => {
  // The 26-language handbook: an English paragraph left untranslated in the French and Spanish
  // pages. Alone among English passages, the stray copy makes a short article-level document that
  // outscored the English page, and the three copies were cited as three sources.
  const english =
    'The DHCP server hands out IP addresses from a pool. Its configuration file lists the subnet, the range of ' +
    'addresses to lease, the gateway and the name servers, and how long each lease lasts before the client renews it.';
  const frontmatter = (lang: string) => `---\nlang: ${lang}\n---\n\n`;
  const articles = {
    'en/dhcp.md': `${frontmatter('en')}# DHCP server\n\n## Overview\n\nA network often has one machine that gives the others their settings, so nobody types them by hand on every computer of the office.\n\n## Configuration\n\n${english}`,
    'fr/dhcp.md': `${frontmatter('fr')}# Serveur DHCP\n\n## Présentation\n\nUn réseau a souvent une machine qui donne aux autres leurs réglages, pour que personne ne les saisisse à la main sur chaque ordinateur du bureau.\n\n## Configuration\n\n${english}`,
    'es/dhcp.md': `${frontmatter('es')}# Servidor DHCP\n\n## Presentación\n\nUna red suele tener una máquina que da a las demás sus ajustes, para que nadie los escriba a mano en cada ordenador de la oficina.\n\n## Configuración\n\n${english}`,
    'en/dns.md': `${frontmatter('en')}# Name server\n\nThe name server turns names into IP addresses for every client of the network, and caches the answers it gets.`,
  };

  it('cites the copy in its own language once, and is confident', () => {
    const answer = engineFrom(articles).ask(
      'Which addresses does the DHCP server lease, and how long does a lease last?',
    );
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.source).toBe('en/dhcp.md');
    expect(answer.citations.map((c) => c.source)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(fr|es)\/dhcp\.md$/)]),
    );
  });
});

describe('composeAnswer over pages left untranslated in other language folders', () => {
  // The 26-language handbook: the X.509 section is wholly English in the Czech and Danish folders
  // too, so those pages are English articles. "What is a X.509 certificate?" cited the Czech
  // folder's page first, and then the same paragraph again from other folders.
  const section =
    'A certificate binds a public key to a name. The X.509 standard describes how a certification authority ' +
    'signs certificates, so that a client which trusts the authority can check every certificate presented to it.';
  const caption = (word: string) => `${word} 10.2.`;
  const other = (lang: string, text: string) => `---\nlang: ${lang}\n---\n\n${text}`;
  const articles = {
    // Its title differs a little (as the handbook's pages do), enough to rank it first.
    'cs-CZ/sect.x509.md': `# X.509 certificate: what a certificate is\n\n${caption('Příklad')} ${section}`,
    'cs-CZ/intro.md': other(
      'cs',
      '# Úvod\n\nTato kniha popisuje správu systému Debian, od instalace až po síťové služby a bezpečnost.',
    ),
    'cs-CZ/sit.md': other(
      'cs',
      '# Síť\n\nSíťové rozhraní se nastavuje v souboru interfaces, kde se uvádí adresa, maska a brána.',
    ),
    'da-DK/sect.x509.md': `# X.509 certificates\n\n${caption('Eksempel')} ${section}`,
    'da-DK/intro.md': other(
      'da',
      '# Indledning\n\nDenne bog beskriver administration af Debian, fra installation til netværkstjenester og sikkerhed.',
    ),
    'da-DK/net.md': other(
      'da',
      '# Netværk\n\nNetværksgrænsefladen konfigureres i filen interfaces, hvor adresse, maske og gateway angives.',
    ),
    'en-US/sect.x509.md': `# X.509 certificates\n\n${caption('Example')} ${section}`,
    'en-US/intro.md':
      '# Introduction\n\nThis book describes the administration of Debian, from installation to network services and security.',
  };

  it("cites the English folder's page once, not its copies in the Czech and Danish folders", () => {
    const answer = engineFrom(articles).ask('What is a X.509 certificate?');
    expect(answer.citations[0]?.source).toBe('en-US/sect.x509.md');
    expect(answer.citations.filter((c) => c.source.endsWith('/sect.x509.md'))).toHaveLength(1);
  });
});

describe('composeAnswer confidence (the fused lead over the next distinct article)', () => {
  const articles = {
    'beans.md': '# Beans\n\nRunner beans climb a pole and need water every evening in a dry summer.',
    'peas.md': '# Peas\n\nSweet peas climb a pole and need water every evening in a dry summer.',
    'roses.md': '# Roses\n\nPrune roses in March, just above an outward-facing bud, with clean shears.',
  };

  it('quotes the closest passage under a hedge when two different articles match the question alike', () => {
    const answer = engineFrom(articles).ask('Which plants climb a pole and need water?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('low-confidence');
    expect(answer.citations).toHaveLength(1);
    expect(['beans.md', 'peas.md']).toContain(answer.citations[0]?.source);
  });

  it('answers confidently when one article clearly leads', () => {
    const answer = engineFrom(articles).ask('When should I prune roses, and where do I cut?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.source).toBe('roses.md');
  });
});
