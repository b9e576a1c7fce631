/** ThinkFirst's English platform texts (locales/en/system.json), for tests and benchmarks that recognise a notice. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SYSTEM_EN = JSON.parse(readFileSync(resolve(import.meta.dirname, '../locales/en/system.json'), 'utf8')) as Record<string, unknown>;

/**
 * The English text of system key `key` (`unavailable`, `apology`, `rate_limited`, …).
 * @throws naming the key and the file when the key has no text.
 */
export function systemTextEn(key: string): string {
  const text = SYSTEM_EN[key];
  if (typeof text !== 'string') throw new Error(`locales/en/system.json has no text for '${key}': add it or use another key`);
  return text;
}
