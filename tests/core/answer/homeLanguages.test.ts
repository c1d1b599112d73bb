import { describe, expect, it } from 'vitest';
import { homeScore, homeTwin } from '../../../src/core/answer/homeLanguages.ts';
import { engineFrom } from '../../support/knowledge.ts';

describe('homeTwin', () => {
  const english =
    'This page explains how the mail server delivers messages to the mailboxes of every local user.';
  const kb = engineFrom({
    // The Danish folder is wholly English (left untranslated), like the English one.
    'da-DK/mail.md': `# Mail\n\n${english}`,
    'da-DK/web.md':
      '# Web\n\nThis page explains how the web server answers requests for the pages of every site.',
    'en-US/mail.md': `# Mail\n\n${english}`,
    'it-IT/mail.md': `# Mail\n\n${english}`,
    'it-IT/web.md':
      '---\nlang: it\n---\n\n# Web\n\nQuesta pagina spiega come il server web risponde alle richieste delle pagine di ogni sito.',
    'notes.md': '# Notes\n\nA page of its own, with no copy in any other folder of the knowledge.',
  }).knowledge;

  it('finds the page of the same file name in the folder named for the language', () => {
    expect(homeTwin(kb, 'it-IT/mail.md', 'en')).toBe('en-US/mail.md');
    expect(homeTwin(kb, 'da-DK/mail.md', 'en')).toBe('en-US/mail.md');
    expect(homeTwin(kb, 'en-US/mail.md', 'en')).toBeUndefined();
    expect(homeTwin(kb, 'notes.md', 'en')).toBeUndefined();
  });

  it('scores a folder by the share of its articles in the language, plus one when named for it', () => {
    expect(homeScore(kb, 'en-US/mail.md', 'en')).toBe(2);
    expect(homeScore(kb, 'da-DK/mail.md', 'en')).toBe(1);
    expect(homeScore(kb, 'it-IT/mail.md', 'en')).toBe(0.5);
    // Half its articles are Italian, and it is named for Italian.
    expect(homeScore(kb, 'it-IT/web.md', 'it')).toBe(1.5);
  });
});
