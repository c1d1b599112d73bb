import type { MessageKey } from './en.ts';

/** The German interface strings; a key missing here falls back to English (a test keeps them in step). */
export const de: Partial<Record<MessageKey, string>> = {
  'answer.sources': 'Quellen',
  'answer.source': 'Quelle',
  'answer.footer.one': '{count} Artikel in {ms} ms durchsucht',
  'answer.footer.other': '{count} Artikel in {ms} ms durchsucht',
  'answer.noAnswer': 'Dazu habe ich in den Artikeln keine Antwort gefunden.',
  'answer.closestArticles': 'Nächstliegende Artikel:',
  'answer.bestMatch': 'Ich bin nicht sicher, ob das die Frage beantwortet — die nächstliegende Stelle:',
  'answer.sharedBy': 'Geteilt von {user}',
  'button.share': 'Teilen',
  'button.more': 'Mehr',
  'button.solved': 'Gelöst',
  'button.askHuman': 'Einen Menschen fragen',
  'notice.apology':
    'Entschuldige, beim Antworten ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.',
  'notice.expired': 'Dieser Button ist abgelaufen — frag bitte noch einmal.',
  'notice.unknownCommand': 'Diesen Befehl gibt es nicht mehr. Probier `/help`.',
  'notice.emptyQuestion': 'Bitte stell eine Frage, zum Beispiel `/ask question: wie kann ich …?`',
  'notice.adminOnly': 'Nur Mitglieder, die diesen Server verwalten dürfen, können diesen Befehl nutzen.',
  'notice.noHelperRole': 'Dieser Server hat keine Helfer-Rolle mehr, daher kann ich niemanden fragen.',
  'notice.helperAsked': 'Ich habe die Helfer gefragt — jemand schaut sich deine Frage an.',
  'notice.helperAlreadyAsked': 'Du hast die Helfer gerade erst gefragt; gib ihnen bitte etwas Zeit.',
  'notice.solvedRefused': 'Nur wer diesen Beitrag eröffnet hat, kann ihn als gelöst markieren.',
  'notice.solved': '✅ Vom Autor als gelöst markiert — dieser Beitrag wird geschlossen.',
  'notice.deleteRefused':
    'Nur wer gefragt hat oder ein Mitglied mit „Nachrichten verwalten“ kann diese Antwort löschen.',
  'notice.noText': 'Diese Nachricht hat keinen Text, auf den ich antworten könnte.',
  'notice.noSearchText': 'Bitte gib ein paar Suchwörter an.',
  'notice.noArticleName': 'Bitte gib den Titel oder Dateinamen eines Artikels an.',
  'notice.couldNotPost': 'Ich konnte in diesem Kanal nicht posten, deshalb siehst nur du die Antwort.',
  'notice.noAnswer': 'Dazu habe ich in den Artikeln keine Antwort gefunden.',
  'notice.mentionHint':
    'Stell deine Frage direkt nach der Erwähnung, z. B. „@citebot wie kann ich …?“, oder nutze `/ask`.',
  rateLimited: 'Du fragst sehr schnell — bitte warte {seconds} s bis zur nächsten Frage.',
  'vote.already': 'Du hast für diese Antwort schon {emoji} abgestimmt.',
  'vote.recorded': 'Danke — dein {emoji} wurde gezählt.',
  'help.title': 'So fragst du citebot',
  'help.ask':
    '`/ask question:` — eine Antwort mit zitierten Ausschnitten aus den Artikeln. `hide:True` zeigt sie nur dir; `mention:` richtet sie an jemanden.',
  'help.search': '`/search query:` — die beste Stelle jedes passenden Artikels, Seite für Seite.',
  'help.article': '`/article name:` — ein Artikel: sein Anfang, Quelle, Sprache und Link.',
  'help.mention':
    '**Erwähne** mich mit einer Frage oder schick mir eine **DM** — ich antworte auf deine Nachricht.',
  'help.contextMenu':
    'Rechtsklick auf eine Nachricht → **Apps → Mit citebot beantworten** — ich antworte auf diese Nachricht.',
  'help.channels': 'In {channels} beantworte ich Fragen auch ohne Erwähnung.',
  'help.tryExamples': 'Probier zum Beispiel',
  'help.footer': '{count} Artikel geladen · Antworten zitieren die Artikel und nennen ihre Quellen',
};
