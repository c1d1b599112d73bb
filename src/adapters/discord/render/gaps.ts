import { DefaultTuning } from '../../../config/index.ts';
import { gapsCsv, type KnowledgeGaps } from '../gaps.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/**
 * `/kb gaps`: the top unanswered questions and 👎 answers, with everything as a CSV attachment.
 * The embed speaks `language`; the CSV's file name, column names and `kind` values stay English in
 * every language, so a script or spreadsheet reads the exports of any server alike.
 */
export function renderGaps(gaps: KnowledgeGaps, days: number, language: InterfaceLanguage = 'en'): Reply {
  const t = (key: Parameters<typeof translate>[1], values?: Readonly<Record<string, number>>) =>
    translate(language, key, values);
  const questions = gaps.unanswered
    .slice(0, 10)
    .map((gap) => `**${gap.count}×** ${safeLine(gap.question, 150)}`);
  const answers = gaps.downvoted
    .slice(0, 10)
    .map(
      (answer) =>
        `**👎 ${answer.down}** ${safeLine(answer.question, 120)} → ${answer.article === null ? '—' : safeLine(answer.article, 80)}`,
    );
  return finalize({
    embeds: [
      {
        title: t(days === 1 ? 'kb.gaps.title.one' : 'kb.gaps.title.other', { days }),
        color: DefaultTuning.answerColor,
        fields: [
          { name: t('kb.gaps.unanswered'), value: questions.join('\n') || t('kb.none') },
          { name: t('kb.gaps.downvoted'), value: answers.join('\n') || t('kb.none') },
        ],
        footer: { text: t('kb.gaps.footer') },
      },
    ],
    files: [{ name: `citebot-gaps-${days}d.csv`, text: gapsCsv(gaps) }],
    ephemeral: true,
  });
}
