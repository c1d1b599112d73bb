import { describe, expect, it } from 'vitest';
import { searchPassages } from '../../../src/core/search/searchPassages.ts';
import { knowledgeFrom, tunedSettings } from '../../support/knowledge.ts';

/**
 * The large-corpus branches of passage search, forced on a small folder: with no share or count
 * floor every known term counts as common, as most terms do in a 60,000-passage handbook.
 */
const allCommon = { commonTermShare: 0, commonTermMinPassages: 0 };

const articles = {
  'both.txt': 'Fruit notes\n\nThe apple orchard also grows a banana tree in the greenhouse.',
  'banana.txt': 'Banana notes\n\nA banana ripens faster next to a cherry in the fruit bowl.',
  'cherry1.txt': 'Cherry notes\n\nThe cherry harvest starts in June when the cherry turns dark red.',
  'cherry2.txt': 'More cherry notes\n\nA sour cherry makes a good jam; a sweet cherry is eaten fresh.',
};

function sources(question: string, changes: Record<string, number>): string[] {
  const settings = tunedSettings(changes);
  const kb = knowledgeFrom(articles, { settings });
  return searchPassages(kb, question, settings, 10)
    .hits.map((h) => h.passage.articleId)
    .sort();
}

describe('a question made only of common terms', () => {
  it('needs every concept in a passage (allConcepts), where rare terms would retrieve either', () => {
    expect(sources('apple banana', {})).toEqual(['banana.txt', 'both.txt']);
    expect(sources('apple banana', { ...allCommon, commonQueryMaxPostings: 1e9 })).toEqual(['both.txt']);
  });

  it('searches only its rarest terms within the postings budget (affordable)', () => {
    // All three asked together: no passage has all of them, so every concept retrieves …
    const unbounded = sources('apple banana cherry', { ...allCommon, commonQueryMaxPostings: 1e9 });
    expect(unbounded).toEqual(expect.arrayContaining(['cherry1.txt', 'cherry2.txt']));
    // … unless the budget leaves the commonest term (cherry, in three articles) out of retrieval.
    const budgeted = sources('apple banana cherry', { ...allCommon, commonQueryMaxPostings: 1 });
    expect(budgeted).toEqual(['both.txt']);
  });
});

describe('a question with one rare term among common ones', () => {
  // Forty percent of the passages: network, interface, address and configure are common here,
  // static (two passages of six) is rare, as on the 26-language handbook.
  const share = { commonTermShare: 0.4, commonTermMinPassages: 0 };
  const folder = {
    'network.txt':
      'Network configuration\n\nA static configuration gives the network interface a fixed IP address, a gateway and a netmask.',
    'routing.txt':
      'Routing daemons\n\nFRR keeps static routes in static routing tables; static routes stay static until you change them.',
    'dhcp.txt': 'DHCP\n\nYou can configure the network interface to get its IP address from a DHCP server.',
    'wifi.txt':
      'Wireless\n\nConfigure the wireless network interface; its IP address comes from the access point.',
    'names.txt': 'Interface names\n\nEach network interface has a name and an IP address you configure once.',
    'ipv6.txt': 'IPv6\n\nAn IPv6 address is configured on the network interface automatically.',
  };

  it('searches the common words too, so a passage matching the rare word alone does not win', () => {
    const settings = tunedSettings(share);
    const kb = knowledgeFrom(folder, { settings });
    const found = searchPassages(
      kb,
      'How do I configure the network interface with a static IP address?',
      settings,
      10,
    );
    expect(found.hits[0]?.passage.articleId).toBe('network.txt');
  });
});
