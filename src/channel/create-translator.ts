/** i18next rendering of keys in a given language, over dialog content plus the platform texts. */
import i18next, { type i18n } from 'i18next';
import { LANGS, type Lang } from '../kernel/lang';
import type { VarValue } from '../engine/types';
import { SYSTEM_NS, type SystemTexts } from './system-texts';

/** Renders an absolute key (`namespace:path`) in `lang` with `{{variables}}`. */
export type Translate = (key: string, lang: Lang, vars?: Record<string, VarValue>) => string;

/**
 * Builds a synchronous translator.
 * @param locales lang -> namespace -> nested texts (Content.locales); may be empty.
 * @param system the platform texts, used when `locales` has no `system` namespace.
 * @param shared variables available in every text (Content.variables).
 */
export function createTranslator(
  locales: Partial<Record<Lang, Record<string, unknown>>>,
  system: SystemTexts,
  shared: Record<string, string> = {},
): Translate {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lang of LANGS) {
    resources[lang] = { [SYSTEM_NS]: system[lang], ...(locales[lang] ?? {}) };
  }
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: resources as never,
    lng: 'vi',
    fallbackLng: 'en',
    ns: [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))],
    defaultNS: SYSTEM_NS,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return (key, lang, vars = {}) => String(instance.t(key, { ...shared, ...vars, lng: lang }));
}
