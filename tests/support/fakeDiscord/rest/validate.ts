/**
 * The limits Discord enforces on what a bot sends (see DISCORD.md), reported the way Discord does:
 * 400 `Invalid Form Body` (code 50035) with `errors` nested by field path, each leaf holding
 * `_errors: [{ code, message }]`. A renderer bug then fails an end-to-end test as it would fail live.
 */
export class FormErrors {
  readonly #root: Record<string, unknown> = {};
  #count = 0;

  get empty(): boolean {
    return this.#count === 0;
  }

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.#root;
    for (const key of path) {
      const child = (node[String(key)] ?? {}) as Record<string, unknown>;
      node[String(key)] = child;
      node = child;
    }
    const list = (node._errors ?? []) as { code: string; message: string }[];
    list.push({ code, message });
    node._errors = list;
    this.#count++;
  }

  toJSON(): Record<string, unknown> {
    return this.#root;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function maxLength(
  errors: FormErrors,
  path: readonly (string | number)[],
  value: unknown,
  max: number,
): void {
  if (typeof value === 'string' && [...value].length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

function lengthBetween(
  errors: FormErrors,
  path: readonly (string | number)[],
  value: unknown,
  min: number,
  max: number,
) {
  const length = typeof value === 'string' ? [...value].length : -1;
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function maxItems(errors: FormErrors, path: readonly (string | number)[], value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

/** Checks content, embeds, components and allowed_mentions of a message create or edit body. */
export function validateMessage(body: Json, errors: FormErrors, prefix: readonly string[] = []): void {
  maxLength(errors, [...prefix, 'content'], body.content, 2000);
  validateEmbeds(body.embeds, errors, [...prefix, 'embeds']);
  validateComponents(body.components, errors, [...prefix, 'components']);
  validateAllowedMentions(body.allowed_mentions, errors, [...prefix, 'allowed_mentions']);
}

/** Whether a create body has anything to show (Discord answers 50006 otherwise). */
export function hasMessageContent(body: Json, fileCount: number): boolean {
  const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    text(body.content).length > 0 ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.sticker_ids) ||
    isObject(body.poll) ||
    fileCount > 0
  );
}

function validateEmbeds(embeds: unknown, errors: FormErrors, path: readonly string[]): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  maxItems(errors, path, embeds, 10);
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isObject(embed)) return;
    const at = [...path, index];
    maxLength(errors, [...at, 'title'], embed.title, 256);
    maxLength(errors, [...at, 'description'], embed.description, 4096);
    const footer = isObject(embed.footer) ? embed.footer : {};
    const author = isObject(embed.author) ? embed.author : {};
    maxLength(errors, [...at, 'footer', 'text'], footer.text, 2048);
    maxLength(errors, [...at, 'author', 'name'], author.name, 256);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    maxItems(errors, [...at, 'fields'], fields, 25);
    fields.forEach((field: unknown, fieldIndex) => {
      const entry = isObject(field) ? field : {};
      lengthBetween(errors, [...at, 'fields', fieldIndex, 'name'], entry.name, 1, 256);
      lengthBetween(errors, [...at, 'fields', fieldIndex, 'value'], entry.value, 1, 1024);
      total += [...text(entry.name)].length + [...text(entry.value)].length;
    });
    for (const part of [embed.title, embed.description, footer.text, author.name])
      total += [...text(part)].length;
  });
  if (total > 6000) errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function validateComponents(components: unknown, errors: FormErrors, path: readonly string[]): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  maxItems(errors, path, components, 5);
  const customIds = new Set<string>();
  components.forEach((row: unknown, rowIndex) => {
    if (!isObject(row) || row.type !== 1) return;
    const children = Array.isArray(row.components) ? row.components : [];
    maxItems(errors, [...path, rowIndex, 'components'], children, 5);
    children.forEach((child: unknown, childIndex) => {
      if (!isObject(child)) return;
      const at = [...path, rowIndex, 'components', childIndex];
      maxLength(errors, [...at, 'label'], child.label, 80);
      const isLink = child.type === 2 && child.style === 5;
      if (isLink) return;
      lengthBetween(errors, [...at, 'custom_id'], child.custom_id, 1, 100);
      const id = text(child.custom_id);
      if (customIds.has(id)) {
        errors.add(
          [...at, 'custom_id'],
          'COMPONENT_CUSTOM_ID_DUPLICATED',
          'Component custom id cannot be duplicated',
        );
      }
      customIds.add(id);
    });
  });
}

function validateAllowedMentions(allowed: unknown, errors: FormErrors, path: readonly string[]): void {
  if (!isObject(allowed)) return;
  const parse = Array.isArray(allowed.parse) ? allowed.parse : [];
  for (const kind of ['users', 'roles'] as const) {
    const list = allowed[kind];
    if (parse.includes(kind) && Array.isArray(list) && list.length > 0) {
      errors.add(
        path,
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
    maxItems(errors, [...path, kind], list, 100);
  }
}

/** Checks an autocomplete result (callback type 8): ≤ 25 choices, name 1–100, string value ≤ 100. */
export function validateAutocomplete(data: Json, errors: FormErrors): void {
  const choices = data.choices;
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  maxItems(errors, ['data', 'choices'], choices, 25);
  choices.forEach((choice: unknown, index) => {
    const entry = isObject(choice) ? choice : {};
    lengthBetween(errors, ['data', 'choices', index, 'name'], entry.name, 1, 100);
    maxLength(errors, ['data', 'choices', index, 'value'], entry.value, 100);
  });
}

/** Names Discord accepts for chat-input commands and options: 1–32 lowercase letters, digits, `-_'`. */
const CHAT_INPUT_NAME = /^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks a bulk-overwrite command list: names, descriptions, ≤ 25 options, ≤ 25 choices. */
export function validateCommands(commands: unknown, errors: FormErrors): void {
  if (!Array.isArray(commands)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  commands.forEach((command: unknown, index) => {
    if (!isObject(command)) {
      errors.add([index], 'DICT_TYPE_CONVERT', 'Must be an object.');
      return;
    }
    const type = command.type ?? 1;
    if (type === 1) {
      validateOptionLike(command, errors, [index]);
    } else {
      lengthBetween(errors, [index, 'name'], command.name, 1, 32);
      if (text(command.description) !== '') {
        errors.add([index, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Must be empty.');
      }
    }
  });
}

function validateOptionLike(option: Json, errors: FormErrors, path: readonly (string | number)[]): void {
  if (!CHAT_INPUT_NAME.test(text(option.name))) {
    errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  lengthBetween(errors, [...path, 'description'], option.description, 1, 100);
  const options = Array.isArray(option.options) ? option.options : [];
  maxItems(errors, [...path, 'options'], options, 25);
  options.forEach((child: unknown, index) => {
    if (isObject(child)) validateOptionLike(child, errors, [...path, 'options', index]);
  });
  maxItems(errors, [...path, 'choices'], option.choices, 25);
}
