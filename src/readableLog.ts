const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Keys every pino line has, shown in the fixed part of a readable line instead. */
const fixedKeys = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app']);

function show(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One pino JSON line as a line for a person at a terminal: `12:00:01 INFO  msg key=value …`, an
 * error's stack on the lines below. A line that is not pino JSON is returned unchanged.
 */
export function readableLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now())
    .toISOString()
    .slice(11, 19);
  const level = levelNames[record.level as number] ?? String(record.level);
  const parts = [time, level, typeof record.msg === 'string' ? record.msg : ''];
  let stack = '';
  for (const [key, value] of Object.entries(record)) {
    if (fixedKeys.has(key) || value === undefined) continue;
    const error = value as { message?: unknown; stack?: unknown } | null;
    if (key === 'err' && typeof error?.stack === 'string') {
      stack = `\n    ${error.stack.split('\n').join('\n    ')}`;
      parts.push(`err=${show(error.message)}`);
    } else {
      parts.push(`${key}=${show(value)}`);
    }
  }
  return `${parts.filter((part) => part !== '').join(' ')}${stack}\n`;
}
