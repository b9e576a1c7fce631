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
  // Texts without placeholders or nesting render the same whatever the variables: rendered once per key and language.
  const plain = new Map<string, string | null>();
  const rawOf = (key: string, lang: Lang): unknown => {
    const split = key.indexOf(':');
    const [ns, path] = split < 0 ? [SYSTEM_NS, key] : [key.slice(0, split), key.slice(split + 1)];
    return instance.getResource(lang, ns, path) ?? instance.getResource('en', ns, path);
  };
  const render = (key: string, lang: Lang, vars: Record<string, VarValue> | undefined) => String(instance.t(key, { ...shared, ...vars, lng: lang }));
  return (key, lang, vars) => {
    const id = `${lang}\u0000${key}`;
    let text = plain.get(id);
    if (text === undefined) {
      const raw = rawOf(key, lang);
      text = typeof raw === 'string' && !raw.includes('{{') && !raw.includes('$t(') ? render(key, lang, undefined) : null;
      plain.set(id, text);
    }
    return text ?? render(key, lang, vars);
  };
}
