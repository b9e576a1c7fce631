/**
 * The platform's own texts (`locales/<lang>/system.json`): apology after a failed turn, reset
 * after unreadable stored state, "temporarily unavailable", the automatic language switch,
 * the numbered-list hint.
 * Loaded apart from the dialog content so they work even when content failed to load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../kernel/lang';

/** Namespace of the platform texts. */
export const SYSTEM_NS = 'system';

/** Keys every system.json must hold (checked by test/channel/system-texts.test.ts). */
export const SYSTEM_KEYS = [
  'apology', 'state_reset', 'unavailable', 'rate_limited', 'language_switched', 'choice_hint', 'choose_prompt',
  'language_names.vi', 'language_names.fr', 'language_names.en',
] as const;

export type SystemTexts = Record<Lang, Record<string, unknown>>;

/**
 * Reads `locales/{vi,fr,en}/system.json` under `rootDir`.
 * @throws naming the file when one is missing or is not valid JSON.
 */
export function loadSystemTexts(rootDir: string): SystemTexts {
  const texts = {} as SystemTexts;
  for (const lang of LANGS) {
    const file = join(rootDir, 'locales', lang, `${SYSTEM_NS}.json`);
    try {
      texts[lang] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`Cannot read the platform texts '${file}' (${(error as Error).message}). Restore it from git.`);
    }
  }
  return texts;
}
