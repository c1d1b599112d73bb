import { DefaultTuning } from '../../../config/index.ts';
import { gapsCsv, type KnowledgeGaps } from '../gaps.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/** `/kb gaps`: the top unanswered questions and 👎 answers, with everything as a CSV attachment. */
export function renderGaps(gaps: KnowledgeGaps, days: number): Reply {
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
        title: `Knowledge gaps of the last ${days} day${days === 1 ? '' : 's'}`,
        color: DefaultTuning.answerColor,
        fields: [
          { name: 'Most asked without an answer', value: questions.join('\n') || 'none' },
          { name: 'Answers with the most 👎 (cited article)', value: answers.join('\n') || 'none' },
        ],
        footer: { text: 'All of it in the attached CSV.' },
      },
    ],
    files: [{ name: `citebot-gaps-${days}d.csv`, text: gapsCsv(gaps) }],
    ephemeral: true,
  });
}
