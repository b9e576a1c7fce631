/** The user's language: stored choice, else the activity's locale when it is vi/fr/en, else the default. */
import { LANGS, type Lang } from '../kernel/lang';

/** `vi-VN` -> `vi`; undefined for locales the bot does not speak. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const prefix = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(prefix) ? (prefix as Lang) : undefined;
}

/** True when `value` is one of the bot's languages (guards data read back from storage). */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
