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
  'notice.apology': 'Sorry, something went wrong while answering. Please try again in a moment.',
  'notice.expired': 'This button has expired — ask again.',
  'notice.unknownCommand': 'That command is not available any more. Try `/help`.',
  'notice.emptyQuestion': 'Please ask a question, for example `/ask question: how do I …?`',
  'notice.adminOnly': 'Only members who can manage this server may use this command.',
  'notice.noHelperRole': 'This server has no helper role any more, so there is nobody to ask.',
  'notice.helperAsked': 'Asked the helpers — someone will look at your question.',
  'notice.helperAlreadyAsked': 'You asked the helpers a moment ago; please give them some time.',
  'notice.solvedRefused': 'Only the person who opened this post can mark it solved.',
  'notice.solved': '✅ Marked as solved by the author — closing this post.',
  'notice.deleteRefused':
    'Only the person who asked, or a member with Manage Messages, can delete this answer.',
  'notice.noText': 'That message has no text I could answer.',
  'notice.noSearchText': 'Please give some words to search for.',
  'notice.noArticleName': 'Please give the title or file name of an article.',
  'notice.couldNotPost': "I couldn't post in this channel, so here is the answer just for you.",
  'notice.noAnswer': "I couldn't find an answer to that in the articles.",
  'notice.mentionHint': 'Ask me after the mention, e.g. “@citebot how do I …?”, or use `/ask`.',
  rateLimited: "You're asking quickly — please wait {seconds} s before the next question.",
  'vote.already': 'You already voted {emoji} on this answer.',
  'vote.recorded': 'Thanks — your {emoji} was recorded.',
  'help.title': 'How to ask citebot',
  'help.ask':
    '`/ask question:` — an answer with cited snippets from the articles. `hide:True` shows it only to you; `mention:` points it at someone.',
  'help.search': '`/search query:` — the best passage of each matching article, page by page.',
  'help.article': '`/article name:` — one article: its opening, source, language and link.',
  'help.mention': '**@mention** me with a question, or send me a **DM** — I reply to your message.',
  'help.contextMenu':
    'Right-click a message → **Apps → Answer with citebot** — I answer that message as a reply.',
  'help.channels': 'In {channels} I answer questions without a mention.',
  'help.tryExamples': 'Try for example',
  'help.footer': '{count} articles loaded · answers quote the articles and cite their sources',
} as const;

/** A key of the interface catalogue. */
export type MessageKey = keyof typeof en;
