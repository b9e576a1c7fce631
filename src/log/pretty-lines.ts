/**
 * Readable log lines for a terminal: `12:04:31.207 INFO  turn  dialog=menu step=intro lang=fr ms=3.1`
 * instead of JSON. Used when stdout is a terminal (or LOG_FORMAT=pretty); pipes and files get
 * the JSON lines unchanged. Formats what the logger wrote, so it can only show logged fields.
 */
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields shown in the line's head, or not worth showing. */
const HEAD_FIELDS = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname']);

/** One field as `key=value`: strings bare unless they hold spaces, objects as compact JSON. */
function formatField(key: string, value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `${key}=${/[\s="]/.test(value) || value === '' ? JSON.stringify(value) : value}`;
  if (typeof value === 'object' && value !== null) return `${key}=${JSON.stringify(value)}`;
  return `${key}=${String(value)}`;
}

/** The clock time of an ISO timestamp (`12:04:31.207`), or the text as it is. */
function clockOf(time: unknown): string {
  return typeof time === 'string' && time.length >= 23 ? time.slice(11, 23) : String(time ?? '');
}

/**
 * Turns one JSON log line into a readable one (no trailing newline). Lines that are not JSON
 * objects are returned as they are.
 * @param colours add ANSI colours to the level (terminals only).
 */
export function formatPrettyLine(json: string, colours = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  if (entry === null || typeof entry !== 'object') return json.trimEnd();
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const name = (LEVELS[level] ?? String(level)).padEnd(5);
  const shown = colours ? `\u001b[${COLOURS[level] ?? '0'}m${name}\u001b[0m` : name;
  const fields = Object.entries(entry).filter(([key]) => !HEAD_FIELDS.has(key)).map(([key, value]) => formatField(key, value)).filter(Boolean);
  return [clockOf(entry.time), shown, String(entry.msg ?? ''), ...(fields.length > 0 ? [' ' + fields.join(' ')] : [])].join(' ');
}

/** A destination that writes each JSON line of pino to `inner` as a readable line. */
export function createPrettyDestination<T extends DestinationStream>(inner: T, colours = false): T {
  return Object.assign(Object.create(inner) as T, {
    write(chunk: string) {
      const lines = chunk.split('\n').filter((line) => line !== '');
      inner.write(lines.map((line) => `${formatPrettyLine(line, colours)}\n`).join(''));
    },
  });
}
