import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';

/** One clickable button: its custom_id, label or emoji, and look. */
export interface ButtonSpec {
  readonly customId: string;
  readonly label?: string;
  readonly emoji?: string;
  readonly style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
  readonly disabled?: boolean;
}

/** One action row of buttons (the renderer drops anything beyond 5). */
export function buttonRow(
  buttons: readonly ButtonSpec[],
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: buttons.map((button) => ({
      type: ComponentType.Button,
      custom_id: button.customId,
      style: button.style ?? ButtonStyle.Secondary,
      ...(button.label === undefined ? {} : { label: button.label }),
      ...(button.emoji === undefined ? {} : { emoji: { name: button.emoji } }),
      ...(button.disabled === true ? { disabled: true } : {}),
    })),
  };
}
