import type { Generated } from 'kysely';

/** Kysely's view of the tables {@link migrations} create. Times are ISO-8601 text (portable). */
export interface Database {
  meta: { name: string; value: string };
  settings: { guild_id: string; name: string; value: string; set_by: string; set_at: string };
  votes: {
    answer_id: string;
    user_hash: string;
    vote: 'up' | 'down';
    question: string;
    /** JSON array of article ids. */
    sources: string;
    guild_id: string | null;
    channel_id: string | null;
    time: string;
  };
  unanswered: {
    id: Generated<number>;
    question: string;
    reason: string;
    sources: string;
    guild_id: string | null;
    channel_id: string | null;
    user_hash: string;
    time: string;
  };
  aliases: {
    id: Generated<number>;
    article: string;
    question: string;
    /** The question folded (case, punctuation, spacing) so one wording is proposed once. */
    question_key: string;
    status: 'pending' | 'approved' | 'rejected';
    guild_id: string | null;
    proposed_at: string;
    decided_by: string | null;
    decided_at: string | null;
  };
}
