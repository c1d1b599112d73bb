import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './recorder.ts';

/** The parts of an HTTP request the fake routes and records. */
export interface ParsedRequest {
  readonly method: string;
  /** Decoded path after `/api/v10`, or the whole decoded path when the prefix is missing. */
  readonly path: string;
  /** False when the path did not start with `/api/v10` (the fake answers 404). */
  readonly versioned: boolean;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly files: RecordedFile[];
  /** True when a JSON body could not be parsed (Discord answers 50109). */
  readonly invalidJson: boolean;
}

const API_PREFIX = '/api/v10';

/**
 * Reads and parses a request: @discordjs/rest percent-encodes path segments (`%40original`), sends
 * JSON bodies as `application/json`, and bodies with files as multipart with a `payload_json` part.
 */
export async function readRequest(request: IncomingMessage): Promise<ParsedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const decoded = url.pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
  const versioned = decoded === API_PREFIX || decoded.startsWith(`${API_PREFIX}/`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const contentType = headers['content-type'] ?? '';
  const parsed = { body: undefined as unknown, files: [] as RecordedFile[], invalidJson: false };
  if (raw.length > 0 && contentType.startsWith('multipart/form-data')) {
    Object.assign(parsed, await readMultipart(raw, contentType));
  } else if (raw.length > 0) {
    try {
      parsed.body = JSON.parse(raw.toString('utf8'));
    } catch {
      parsed.invalidJson = true;
    }
  }
  return {
    method: request.method ?? 'GET',
    path: versioned ? decoded.slice(API_PREFIX.length) || '/' : decoded,
    versioned,
    query: Object.fromEntries(url.searchParams),
    headers,
    ...parsed,
  };
}

async function readMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[]; invalidJson: boolean }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  let invalidJson = false;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field !== 'payload_json') continue;
      try {
        body = JSON.parse(value);
      } catch {
        invalidJson = true;
      }
    } else {
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { body, files, invalidJson };
}
