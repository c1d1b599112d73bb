/** Where something happened; both absent in DMs. */
export interface Place {
  readonly guildId?: string | null;
  readonly channelId?: string | null;
}

/** A 👍/👎 on one answer message. */
export interface VoteInput {
  /** The answer message voted on: one vote per user and answer, across restarts. */
  readonly answerId: string;
  readonly vote: 'up' | 'down';
  readonly question: string;
  /** Article ids of the citations the voter saw. */
  readonly sources: readonly string[];
  readonly userId: string;
  readonly place: Place;
}

/** A stored vote. `user` is the salted hash of the voter's id. */
export interface VoteRecord {
  readonly answerId: string;
  readonly vote: 'up' | 'down';
  readonly question: string;
  readonly sources: readonly string[];
  readonly time: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: string;
}

/** A question citebot could not answer. */
export interface UnansweredInput {
  readonly question: string;
  /** The core's reason (`no-match`, `low-confidence`, …). */
  readonly reason: string;
  /** Closest articles offered instead. */
  readonly sources: readonly string[];
  readonly userId: string;
  readonly place: Place;
}

/** A stored unanswered question. */
export interface UnansweredRecord {
  readonly question: string;
  readonly reason: string;
  readonly sources: readonly string[];
  readonly time: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: string;
}

/** Totals over everything stored, for `/kb stats`. */
export interface FeedbackCounts {
  readonly up: number;
  readonly down: number;
  readonly unanswered: number;
}

/** One per-server setting as stored: a JSON value, who set it and when. */
export interface StoredSetting {
  readonly guildId: string;
  /** `hideByDefault`, `helperRole`, `language`, or `channel:<id>`. */
  readonly name: string;
  readonly value: unknown;
  /** The Discord id of the manager who set it (settings are administrative acts, shown in /config). */
  readonly setBy: string;
  readonly setAt: string;
}

/** A question proposed (by a 👍 on a confident answer) as another way to ask for an article. */
export interface AliasRecord {
  readonly id: number;
  readonly article: string;
  readonly question: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly guildId: string | null;
  readonly proposedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** What the one-time import of the old JSONL logs found (logged once at start-up). */
export interface ImportReport {
  readonly file: string;
  readonly imported: number;
  /** Lines that were not a readable record (a line cut by a crash), kept in `<file>.unreadable`. */
  readonly setAside: number;
  /** Where the original now lives. */
  readonly renamedTo: string;
}

/**
 * citebot's durable state, behind one interface so handlers never see the engine (SQLite today;
 * another Kysely dialect such as Postgres can implement it with the same migrations). Every write
 * is committed before its promise resolves.
 */
export interface Store {
  /** The stored form of a user id (salted SHA-256, hex): counts repeat voters, names nobody. */
  hashUser(userId: string): string;

  /** Records a vote; false when this user had already cast this same vote on this answer. */
  recordVote(input: VoteInput): Promise<boolean>;
  recordUnanswered(input: UnansweredInput): Promise<void>;
  counts(): Promise<FeedbackCounts>;
  /** Votes since `since` (ISO time), oldest first; only `guildId`'s when given. */
  votes(filter?: { readonly since?: string; readonly guildId?: string }): Promise<VoteRecord[]>;
  /** Unanswered questions since `since` (ISO time), oldest first; only `guildId`'s when given. */
  unanswered(filter?: { readonly since?: string; readonly guildId?: string }): Promise<UnansweredRecord[]>;

  /** Every stored setting of one server. */
  settings(guildId: string): Promise<StoredSetting[]>;
  /** The settings of every server whose name starts with `prefix` (`channel:`). */
  settingsNamed(prefix: string): Promise<StoredSetting[]>;
  /** Sets (or replaces) one setting; `value: undefined` removes it. */
  putSetting(input: {
    readonly guildId: string;
    readonly name: string;
    readonly value: unknown;
    readonly setBy: string;
  }): Promise<void>;

  /**
   * Proposes a question as an alias of an article in one server; an existing proposal of the same
   * text for that article in that server is kept.
   */
  proposeAlias(input: {
    readonly article: string;
    readonly question: string;
    readonly guildId: string | null;
  }): Promise<void>;
  /** Aliases oldest first, only those of `status` and of server `guildId` when given. */
  aliases(status?: AliasRecord['status'], guildId?: string): Promise<AliasRecord[]>;
  /** Approves or rejects a proposal; false when no proposal has that id. */
  decideAlias(input: {
    readonly id: number;
    readonly approve: boolean;
    readonly by: string;
  }): Promise<boolean>;

  /** Closes the database; later calls are refused. */
  close(): Promise<void>;
}
