import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../src/core/analysis/analyzer.ts';
import { completeElided } from '../../../src/core/analysis/variants.ts';
import { engineFrom } from '../../support/knowledge.ts';

describe('German infinitives with "zu" inside', () => {
  const de = analyzerFor('de');

  it('get the term of the plain infinitive', () => {
    expect(de.term('auszuschalten')).toBe(de.term('ausschalten'));
    expect(de.term('anzuzeigen')).toBe(de.term('anzeigen'));
    expect(de.term('Zurückzusetzen')).toBe(de.term('zurücksetzen'));
    expect(de.term('zuzuordnen')).toBe(de.term('zuordnen'));
  });

  it('leave other words with "zu" alone', () => {
    expect(de.term('Anzug')).toBe('anzug');
    expect(de.term('Bezug')).toBe('bezug');
    expect(de.term('zuzüglich')).not.toBe(de.term('züglich'));
  });
});

describe('German nouns in -erung', () => {
  const de = analyzerFor('de');

  it('get the term of their verb in -ern', () => {
    expect(de.term('Sicherung')).toBe(de.term('sichern'));
    expect(de.term('Erweiterungen')).toBe(de.term('erweitern'));
    expect(de.term('Verbesserung')).toBe(de.term('verbessern'));
    expect(de.term('Kalibrierung')).toBe(de.term('kalibrieren'));
    // …also as the head of a compound, with its linking s (Kalibrierungsziele).
    expect(de.term('Kalibrierungs')).toBe(de.term('kalibrieren'));
  });

  it('leave other nouns in -ung as Snowball stems them', () => {
    expect(de.term('Einstellung')).toBe(de.term('einstellen'));
    expect(de.term('Regelung')).toBe('regel');
  });
});

describe('completeElided', () => {
  const vocabulary = new Set(['einschalten', 'einhalten', 'tintenmenge']);
  const known = (w: string) => vocabulary.has(w.toLowerCase());

  it('completes a half-written word with the longest tail of the next that the index knows', () => {
    expect(completeElided('Bluetooth ein- oder ausschalten', 'de', known)).toEqual(['einschalten']);
    expect(completeElided('Tinten- und Tonermenge prüfen', 'de', known)).toEqual(['Tintenmenge']);
  });

  it('leaves out what it cannot complete, and languages that do not compound', () => {
    expect(completeElided('hin- und herbewegen', 'de', known)).toEqual([]);
    expect(completeElided('pre- or post-processing', 'en', known)).toEqual([]);
  });
});

describe('a German question with those forms', () => {
  // Two pages that both tell how to switch Bluetooth off; only the first also says how to switch it on,
  // in the words of an article: "um … einzuschalten".
  const engine = engineFrom({
    'bluetooth.md':
      '---\nlang: de\n---\nÖffnen Sie die Einstellungen und wählen Sie Bluetooth in der Seitenleiste. Um Bluetooth einzuschalten, betätigen Sie den Schalter oben rechts. Um Bluetooth auszuschalten, betätigen Sie den Schalter noch einmal. Die Einstellungen merken sich, was Sie gewählt haben.\n',
    'flugmodus.md':
      '---\nlang: de\n---\nIm Flugmodus werden alle Funkverbindungen ausgeschaltet: Bluetooth, WLAN und mobiles Breitband. Sie können Bluetooth ausschalten, ohne den Flugmodus zu verwenden, und Bluetooth ausschalten spart Strom. Der Flugmodus bleibt nach einem Neustart erhalten.\n',
    'drucker.md':
      '---\nlang: de\n---\nEin Drucker kann über das Netzwerk oder über USB angeschlossen werden. Wählen Sie in den Einstellungen den Bereich Drucker und fügen Sie einen neuen Drucker hinzu. Die Warteschlange zeigt, welche Aufträge noch gedruckt werden.\n',
  });

  it('is answered from the page that says how to switch it on and off', () => {
    const answer = engine.ask('Bluetooth ein- oder ausschalten');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.source).toBe('bluetooth.md');
  });
});
