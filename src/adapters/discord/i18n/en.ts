/**
 * The English interface strings: the reference catalogue every other language mirrors key for
 * key. `{name}` marks a value filled in by {@link translate}.
 */
export const en = {
  'answer.sources': 'Sources',
  'answer.source': 'Source',
  'answer.footer.one': 'Searched {count} article in {ms} ms',
  'answer.footer.other': 'Searched {count} articles in {ms} ms',
  'answer.noAnswer': "I couldn't find an answer to that in the articles.",
  'answer.closestArticles': 'Closest articles:',
  'answer.bestMatch': "I'm not sure this answers it — the closest passage:",
  'answer.sharedBy': 'Shared by {user}',
  'button.share': 'Share',
  'button.more': 'More',
  'button.solved': 'Solved',
  'button.askHuman': 'Ask a human',
} as const;

/** A key of the interface catalogue. */
export type MessageKey = keyof typeof en;
