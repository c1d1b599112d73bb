import type { ButtonStateStore } from './buttonStateStore.ts';
import { DiscordLimits } from './render/limits.ts';

/** Buttons under an answer. */
export type AnswerButton = 'share' | 'more' | 'up' | 'down' | 'delete' | 'human' | 'solved';
/** Buttons under a search page. */
export type SearchButton = 'prev' | 'next';

/** What the buttons of one answer need to act later. */
export interface AnswerState {
  readonly question: string;
  /** Offset of the citations shown. */
  readonly offset: number;
  /** How many citations were shown (More continues at `offset + count`). */
  readonly count: number;
  /**
   * The user who asked (More asks again on their behalf). Never trusted for 🗑: a custom_id can
   * be forged, so who may delete is read from the message Discord sends with the click.
   */
  readonly askerId: string;
  readonly hidden: boolean;
}

/** What the page buttons of a search need. */
export interface SearchState {
  readonly query: string;
  /** Offset of the page the button leads to. */
  readonly offset: number;
  readonly hidden: boolean;
}

export type ButtonAction =
  | { readonly button: AnswerButton; readonly state: AnswerState }
  | { readonly button: SearchButton; readonly state: SearchState };

/** Either the state, or why there is none (old format, or forgotten by the store). */
export type DecodedButton =
  | ({ readonly ok: true } & ButtonAction)
  | { readonly ok: false; readonly reason: 'expired' };

/** Stored state of either kind, so one store serves all buttons. */
export type StoredState = AnswerState | SearchState;

// The version prefix lets a future format treat today's buttons as expired instead of misreading them.
const prefix = 'c1';
const separator = '|';
const storedMarker = '~';

const codes = {
  share: 'sh',
  more: 'mo',
  up: 'up',
  down: 'dn',
  delete: 'rm',
  human: 'hu',
  solved: 'sv',
  prev: 'pv',
  next: 'nx',
} as const satisfies Record<AnswerButton | SearchButton, string>;

const buttonsByCode = new Map(Object.entries(codes).map(([button, code]) => [code, button])) as Map<
  string,
  AnswerButton | SearchButton
>;

function isSearchButton(button: AnswerButton | SearchButton): button is SearchButton {
  return button === 'prev' || button === 'next';
}

function inline(action: ButtonAction): string {
  const head = [prefix, codes[action.button]];
  if (isSearchButton(action.button)) {
    const state = action.state as SearchState;
    return [...head, state.offset, state.hidden ? 1 : 0, state.query].join(separator);
  }
  const state = action.state as AnswerState;
  return [...head, state.offset, state.count, state.askerId, state.hidden ? 1 : 0, state.question].join(
    separator,
  );
}

/**
 * Encodes the custom_ids of a set of buttons sharing one state, each ≤ 100 characters. The state
 * goes inline when every id fits (it then survives restarts); otherwise it is stored once and
 * each id carries the short key.
 */
export function encodeButtons<B extends AnswerButton | SearchButton>(
  buttons: readonly B[],
  state: B extends SearchButton ? SearchState : AnswerState,
  store: ButtonStateStore<StoredState>,
): Record<B, string> {
  const ids = buttons.map((button) => inline({ button, state } as ButtonAction));
  const fits = ids.every((id) => id.length <= DiscordLimits.customId);
  const key = fits ? undefined : store.put(state);
  const out = {} as Record<B, string>;
  for (const [index, button] of buttons.entries()) {
    out[button] =
      key === undefined
        ? (ids[index] as string)
        : [prefix, codes[button], `${storedMarker}${key}`].join(separator);
  }
  return out;
}

function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return undefined;
  return Number(text);
}

function isAnswerState(state: StoredState): state is AnswerState {
  return 'question' in state;
}

/** The key of a custom_id whose state was stored rather than inlined, else undefined. */
export function storedKeyOf(customId: string): string | undefined {
  const parts = customId.split(separator);
  return parts[0] === prefix && parts.length === 3 && parts[2]?.startsWith(storedMarker)
    ? parts[2].slice(storedMarker.length)
    : undefined;
}

/** Reads a custom_id made by {@link encodeButtons}; anything else reads as expired. */
export function decodeButton(customId: string, store: ButtonStateStore<StoredState>): DecodedButton {
  const expired = { ok: false, reason: 'expired' } as const;
  const parts = customId.split(separator);
  const button = buttonsByCode.get(parts[1] ?? '');
  if (parts[0] !== prefix || button === undefined) return expired;
  const search = isSearchButton(button);

  if (parts[2]?.startsWith(storedMarker) && parts.length === 3) {
    const state = store.get(parts[2].slice(storedMarker.length));
    if (state === undefined || isAnswerState(state) === search) return expired;
    return { ok: true, button, state } as DecodedButton;
  }
  if (search) {
    const offset = parseCount(parts[2]);
    if (offset === undefined || (parts[3] !== '0' && parts[3] !== '1') || parts.length < 5) return expired;
    const query = parts.slice(4).join(separator);
    return { ok: true, button, state: { query, offset, hidden: parts[3] === '1' } };
  }
  const offset = parseCount(parts[2]);
  const count = parseCount(parts[3]);
  const askerId = parts[4] ?? '';
  if (offset === undefined || count === undefined || !/^\d{1,20}$/.test(askerId)) return expired;
  if ((parts[5] !== '0' && parts[5] !== '1') || parts.length < 7) return expired;
  const question = parts.slice(6).join(separator);
  return { ok: true, button, state: { question, offset, count, askerId, hidden: parts[5] === '1' } };
}
