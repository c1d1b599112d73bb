import { stemmer as german } from '@orama/stemmers/german';

/**
 * Separable verb prefixes that take "zu" inside the infinitive, folded ("zurück" is "zuruck"):
 * "auszuschalten", "anzuzeigen", "zurückzusetzen".
 */
const ZU_INFINITIVE =
  /^(ab|an|auf|aus|bei|dar|ein|fest|fort|frei|her|heraus|herauf|herunter|hin|hinzu|hoch|los|mit|nach|um|vor|voran|weg|weiter|wieder|zu|zuruck|zusammen)zu(\p{L}{4,}(?:en|ern|eln))$/u;

/**
 * A folded German infinitive with "zu" inside ("auszuschalten", "anzuzeigen") as the plain
 * infinitive ("ausschalten", "anzeigen"), before stemming: Snowball stems the two apart, and
 * articles say "um Bluetooth auszuschalten" where a question says "Bluetooth ausschalten". Other
 * words are returned as they are.
 */
export function withoutInfinitiveZu(folded: string): string {
  const m = ZU_INFINITIVE.exec(folded);
  return m ? `${m[1]}${m[2]}` : folded;
}

/**
 * German Snowball, after {@link withoutInfinitiveZu}, with nouns in "-erung" stemmed as their verb
 * in "-ern": Snowball cuts "sichern" to "sich" but "Sicherung" to "sicher" (erweitern / Erweiterung,
 * verbessern / Verbesserung alike), so a question about a "Sicherung" missed the page on how to
 * "sichern".
 */
export function stemGerman(folded: string): string {
  const word = withoutInfinitiveZu(folded);
  const stem = german(word);
  if (/erung(?:en|s)?$/.test(word) && stem.endsWith('er')) return stem.slice(0, -2);
  return stem;
}
