export { guildCreate, guildObject, ready } from './guilds.ts';
export {
  autocompleteInteraction,
  type ButtonInteractionOptions,
  buttonInteraction,
  type CommandInteractionOptions,
  chatInputInteraction,
  type InteractionContextOptions,
  type MessageContextInteractionOptions,
  messageContextInteraction,
} from './interactions.ts';
export { type MentionDefaults, type ResolvedMentions, resolveMentions } from './mentions.ts';
export { dmMessage, type MessageOptions, memberWithoutUser, mentionMessage, message } from './messages.ts';
export { commandOptions, type OptionInput, type OptionPath, opt } from './options.ts';
