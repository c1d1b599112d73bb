import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommand,
  type APIDMChannel,
  type APIGuildForumChannel,
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  GatewayIntentBits,
  type GuildMemberFlags,
  PermissionFlagsBits,
  type UserFlags,
} from 'discord.js';
import { discordTimestamp, snowflake, snowflakeOnShard } from './snowflake.ts';

/** discord-api-types models bitfields as enums without a zero member; Discord sends 0 for "none". */
const NO_FLAGS = 0;

/** What @everyone may do in a freshly created guild: read, write, react, use app commands. */
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands;

/** What an invite with the "bot + applications.commands" scope typically grants citebot's role. */
const BOT_ROLE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** Every permission bit Discord defines: what an Administrator effectively has. */
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** A guild of the fake, with the one text channel and the roles tests usually need. */
export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly joinedAt: string;
  /** `#general`, a text channel everyone (and the bot) can read and write. */
  readonly textChannel: APITextChannel;
  /** `#help`, a forum channel with the tags `Solved` and `Bug`. */
  readonly forumChannel: APIGuildForumChannel;
  /** The @everyone role; its id is the guild's id, as on Discord. */
  readonly everyoneRole: APIRole;
  /** A role with the Administrator permission, for testing admin-only commands. */
  readonly adminRole: APIRole;
  /** The managed role Discord creates for the bot when it joins. */
  readonly botRole: APIRole;
}

/** What the fake remembers about an interaction it dispatched, to answer its callback and webhooks. */
export interface InteractionState {
  readonly payload: APIInteraction;
  /** Set by the first successful callback; a second one is answered 400 (code 40060), as on Discord. */
  acknowledged: boolean;
  /** The message `@original` refers to: the reply, the deferred "thinking" message, or the updated one. */
  originalMessageId: string | null;
}

/** Options for {@link FakeWorld}. */
export interface FakeWorldOptions {
  /** Username of the bot user. Default `citebot`. */
  readonly botUsername?: string;
  /** How many guilds the bot is in. Default 1. */
  readonly guildCount?: number;
  /**
   * Privileged intents switched on in the Developer Portal (`GatewayIntentBits.MessageContent`, …,
   * OR-ed). Requesting one that is not gets the gateway closed with 4014. Default none, like a new bot.
   */
  readonly enabledPrivilegedIntents?: number;
  /**
   * The shard count `GET /gateway/bot` recommends (`shards`). Default 1. Guild ids are made so that
   * guild `i` falls on shard `i % shards` by Discord's `(guild_id >> 22) % shards`.
   */
  readonly shards?: number;
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot`. Default 1, as for most bots. */
  readonly maxConcurrency?: number;
}

/** Application flags Discord sets when a privileged intent is enabled for a bot in under 100 guilds. */
const LIMITED_INTENT_FLAGS: readonly (readonly [number, number])[] = [
  [GatewayIntentBits.GuildPresences, ApplicationFlags.GatewayPresenceLimited],
  [GatewayIntentBits.GuildMembers, ApplicationFlags.GatewayGuildMembersLimited],
  [GatewayIntentBits.MessageContent, ApplicationFlags.GatewayMessageContentLimited],
];

/**
 * The fake's Discord: the bot, its application, its guilds, the users and channels tests created or
 * dispatched, every message the bot sent, the commands it registered and the interactions in flight.
 * REST answers and payload builders both read it, so ids line up everywhere.
 */
export class FakeWorld {
  readonly bot: APIUser;
  readonly application: { readonly id: string; readonly name: string; readonly flags: number };
  /** A token shaped like a real bot token (base64 user id, timestamp, HMAC); login must use it. */
  readonly token: string;
  readonly enabledPrivilegedIntents: number;
  /** The recommended shard count (`GET /gateway/bot` `shards`). */
  readonly shards: number;
  /** How many identify buckets may start a session per 5 s. */
  readonly maxConcurrency: number;
  readonly guilds: readonly FakeGuild[];
  /** A human member of every guild, used by payload builders when no user is given. */
  readonly defaultUser: APIUser;
  readonly users = new Map<string, APIUser>();
  readonly dmChannels = new Map<string, APIDMChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Threads (forum posts) by id; `PATCH /channels/{id}` edits them here. */
  readonly threads = new Map<string, APIThreadChannel>();
  readonly interactions = new Map<string, InteractionState>();
  /** Bulk-overwritten command lists: key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly #members = new Map<string, APIGuildMember>();

  constructor(options: FakeWorldOptions = {}) {
    const appId = snowflake();
    this.bot = this.#register({
      id: appId,
      username: options.botUsername ?? 'citebot',
      discriminator: '0000',
      global_name: null,
      avatar: null,
      bot: true,
      flags: NO_FLAGS as UserFlags,
      public_flags: NO_FLAGS as UserFlags,
    });
    this.enabledPrivilegedIntents = options.enabledPrivilegedIntents ?? 0;
    this.shards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    const flags = LIMITED_INTENT_FLAGS.filter(
      ([intent]) => (this.enabledPrivilegedIntents & intent) !== 0,
    ).reduce((all, [, flag]) => all | flag, 0);
    this.application = { id: appId, name: this.bot.username, flags };
    this.token = [
      Buffer.from(appId).toString('base64url'),
      randomBytes(4).toString('base64url'),
      randomBytes(28).toString('base64url'),
    ].join('.');
    const owner = this.createUser({ username: 'guild_owner', globalName: 'Guild Owner' });
    this.defaultUser = this.createUser({ username: 'alice', globalName: 'Alice' });
    this.guilds = Array.from({ length: options.guildCount ?? 1 }, (_, index) =>
      this.#createGuild(
        index === 0 ? 'Test Guild' : `Test Guild ${index + 1}`,
        owner.id,
        index % this.shards,
      ),
    );
    for (const guild of this.guilds) {
      this.member(guild.id, owner);
      this.member(guild.id, this.defaultUser);
      this.member(guild.id, this.bot, { roles: [guild.botRole.id] });
    }
  }

  /** The first guild: most tests need exactly one. */
  get guild(): FakeGuild {
    const [first] = this.guilds;
    if (!first) throw new Error('fakeDiscord: the world has no guild');
    return first;
  }

  /** Creates a human (or bot) user that payload builders and REST routes know about. */
  createUser(options: { username: string; globalName?: string; bot?: boolean }): APIUser {
    return this.#register({
      id: snowflake(),
      username: options.username,
      discriminator: '0',
      global_name: options.globalName ?? null,
      avatar: null,
      ...(options.bot ? { bot: true } : {}),
      public_flags: NO_FLAGS as UserFlags,
    });
  }

  /** Adds a user the test built elsewhere (e.g. from a dispatched payload) so REST routes know it. */
  rememberUser(user: APIUser): APIUser {
    return this.users.get(user.id) ?? this.#register(user);
  }

  /** The guild member for `user`, created (with @everyone only, unless `roles`) on first use. */
  member(guildId: string, user: APIUser, options: { roles?: readonly string[] } = {}): APIGuildMember {
    const key = `${guildId}:${user.id}`;
    const known = this.#members.get(key);
    if (known) return known;
    this.rememberUser(user);
    const member: APIGuildMember = {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: [...(options.roles ?? [])],
      joined_at: discordTimestamp(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: NO_FLAGS as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
    this.#members.set(key, member);
    return member;
  }

  /** The member if the user is in the guild, without creating one. */
  findMember(guildId: string, userId: string): APIGuildMember | undefined {
    return this.#members.get(`${guildId}:${userId}`);
  }

  /** Every member of a guild, for GUILD_CREATE. */
  membersOf(guildId: string): APIGuildMember[] {
    return [...this.#members.entries()].filter(([key]) => key.startsWith(`${guildId}:`)).map(([, m]) => m);
  }

  /** The effective permissions of a member in the guild's text channel, as Discord computes them. */
  permissionsOf(guildId: string, userId: string): bigint {
    const guild = this.guildById(guildId);
    const member = this.findMember(guildId, userId);
    if (!guild || !member) return 0n;
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const roles = [guild.everyoneRole, guild.adminRole, guild.botRole].filter(
      (role) => role === guild.everyoneRole || member.roles.includes(role.id),
    );
    const granted = roles.reduce((all, role) => all | BigInt(role.permissions), 0n);
    return (granted & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : granted;
  }

  /** The shard Discord sends a guild's events to: `(guild_id >> 22) % shardCount`. */
  shardOf(guildId: string, shardCount: number = this.shards): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  guildById(id: string): FakeGuild | undefined {
    return this.guilds.find((guild) => guild.id === id);
  }

  /** The DM channel between the bot and `user`; the same one every time, as on Discord. */
  dmChannel(user: APIUser): APIDMChannel {
    this.rememberUser(user);
    const known = this.dmChannels.get(user.id);
    if (known) return known;
    const channel: APIDMChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      last_message_id: null,
      flags: NO_FLAGS as ChannelFlags,
      name: null,
      recipients: [user],
    };
    this.dmChannels.set(user.id, channel);
    return channel;
  }

  /** A guild text or forum channel, a thread, or a DM channel by id. */
  channel(id: string): APITextChannel | APIGuildForumChannel | APIThreadChannel | APIDMChannel | undefined {
    for (const guild of this.guilds) {
      if (guild.textChannel.id === id) return guild.textChannel;
      if (guild.forumChannel.id === id) return guild.forumChannel;
    }
    const thread = this.threads.get(id);
    if (thread) return thread;
    for (const channel of this.dmChannels.values()) if (channel.id === id) return channel;
    return undefined;
  }

  /** A thread (forum post) by id. */
  thread(id: string): APIThreadChannel | undefined {
    return this.threads.get(id);
  }

  /** A new post in a guild's forum: the thread, owned by `ownerId`, named `title`. */
  createForumThread(guild: FakeGuild, options: { title: string; ownerId: string }): APIThreadChannel {
    const thread: APIThreadChannel = {
      id: snowflake(),
      type: ChannelType.PublicThread,
      guild_id: guild.id,
      parent_id: guild.forumChannel.id,
      name: options.title,
      owner_id: options.ownerId,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: NO_FLAGS as ChannelFlags,
      applied_tags: [],
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: discordTimestamp(),
        locked: false,
      },
    } as APIThreadChannel;
    this.threads.set(thread.id, thread);
    return thread;
  }

  #register(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  #createGuild(name: string, ownerId: string, shard: number): FakeGuild {
    const id = snowflakeOnShard(shard, this.shards);
    const role = (roleName: string, permissions: bigint, position: number, extra: Partial<APIRole> = {}) => ({
      id: roleName === '@everyone' ? id : snowflake(),
      name: roleName,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0,
      ...extra,
    });
    const textChannel: APITextChannel = {
      id: snowflake(),
      type: ChannelType.GuildText,
      guild_id: id,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: NO_FLAGS as ChannelFlags,
    };
    const forumChannel = {
      id: snowflake(),
      type: ChannelType.GuildForum,
      guild_id: id,
      name: 'help',
      position: 1,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: NO_FLAGS as ChannelFlags,
      available_tags: [
        { id: snowflake(), name: 'Solved', moderated: false, emoji_id: null, emoji_name: '✅' },
        { id: snowflake(), name: 'Bug', moderated: false, emoji_id: null, emoji_name: null },
      ],
      default_reaction_emoji: null,
      default_thread_rate_limit_per_user: 0,
      default_sort_order: null,
      default_forum_layout: 0,
      default_auto_archive_duration: 1440,
      template: '',
    } as unknown as APIGuildForumChannel;
    return {
      id,
      name,
      ownerId,
      joinedAt: discordTimestamp(),
      textChannel,
      forumChannel,
      everyoneRole: role('@everyone', EVERYONE_PERMISSIONS, 0),
      adminRole: role('Admin', PermissionFlagsBits.Administrator, 2, { hoist: true }),
      botRole: role(this.bot.username, BOT_ROLE_PERMISSIONS, 1, {
        managed: true,
        tags: { bot_id: this.bot.id },
      }),
    };
  }
}
