import {
  type APIGuild,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  type GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
} from 'discord.js';
import type { FakeGuild, FakeWorld } from '../world.ts';

/** A guild object as `GET /guilds/{id}` returns it (no channels or members). */
export function guildObject(guild: FakeGuild): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [guild.everyoneRole, guild.botRole, guild.adminRole],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.textChannel.id,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    widget_enabled: false,
    widget_channel_id: null,
  };
}

/** The GUILD_CREATE the gateway sends after READY for each guild: the guild, its channels, members. */
export function guildCreate(world: FakeWorld, guild: FakeGuild): GatewayGuildCreateDispatchData {
  const members = world.membersOf(guild.id);
  return {
    ...guildObject(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels: [guild.textChannel, guild.forumChannel],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/**
 * The READY dispatch: the bot user, the shard's guilds (unavailable until their GUILD_CREATE), the
 * session.
 */
export function ready(
  world: FakeWorld,
  sessionId: string,
  resumeGatewayUrl: string,
  shard: readonly [number, number] = [0, 1],
  guilds: readonly FakeGuild[] = world.guilds,
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, email: null },
    guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeGatewayUrl,
    shard: [shard[0], shard[1]],
    application: {
      id: world.application.id,
      flags: world.application.flags,
      flags_new: String(world.application.flags),
    },
  };
}
