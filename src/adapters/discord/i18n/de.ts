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
};
