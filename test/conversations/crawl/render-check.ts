/**
 * Renders engine outputs with i18next in one language, with no fallback language, and
 * reports what a user would see wrong: a missing text, a `{{variable}}` left without a
 * value, a message too long for a phone, a button label too long for a button.
 */
import i18next from 'i18next';
import type { Content, EngineOutput, VarValue } from '../../../src/engine/types';
import type { Lang } from '../../../src/kernel/lang';
import { RETENTION_VARIABLE } from '../../../src/kernel/handoff-notice-keys';

/** Variables the channel fills (the hand-off consent's retention, STATE_TTL_DAYS by default). */
const CHANNEL_VARIABLES = { [RETENTION_VARIABLE]: '30' };

/** Longest message (characters) and button label the channels can show. */
export const MAX_MESSAGE = 640;
export const MAX_LABEL = 20;

/** A renderer of keys in one language that records what it could not fill. */
export interface StrictRenderer {
  render(key: string, vars: Record<string, VarValue>): { text: string; problems: string[] };
}

/** Creates an i18next instance over `content.locales` that never falls back to another language. */
export function createStrictRenderer(content: Content, lang: Lang): StrictRenderer {
  const instance = i18next.createInstance();
  void instance.init({
    resources: content.locales as never,
    lng: lang,
    fallbackLng: false,
    ns: Object.keys(content.locales[lang]),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return {
    render(key, vars) {
      const problems: string[] = [];
      if (!instance.exists(key, { lng: lang })) return { text: '', problems: [`${lang} ${key}: text is missing`] };
      const text = String(instance.t(key, { ...content.variables, ...CHANNEL_VARIABLES, ...vars, lng: lang }));
      // i18next leaves a placeholder whose variable has no value as it is.
      for (const m of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) problems.push(`${lang} ${key}: {{${m[1]}}} has no value`);
      return { text, problems };
    },
  };
}

/** Renders every output in `lang` and returns the problems, one line each. */
export function checkOutputs(content: Content, outputs: EngineOutput[], lang: Lang): string[] {
  const renderer = createStrictRenderer(content, lang);
  const problems: string[] = [];
  for (const o of outputs) {
    if (o.type === 'say') {
      const r = renderer.render(o.key, o.vars);
      problems.push(...r.problems);
      if (r.text.length > MAX_MESSAGE) problems.push(`${lang} ${o.key}: ${r.text.length} characters (at most ${MAX_MESSAGE})`);
      if (r.problems.length === 0 && r.text.trim() === '') problems.push(`${lang} ${o.key}: text is empty`);
    } else if (o.type === 'choices') {
      for (const c of o.options) {
        const r = renderer.render(c.label, o.vars);
        problems.push(...r.problems);
        if (r.text.length > MAX_LABEL) problems.push(`${lang} ${c.label}: label "${r.text}" has ${r.text.length} characters (at most ${MAX_LABEL})`);
        if (r.problems.length === 0 && r.text.trim() === '') problems.push(`${lang} ${c.label}: label is empty`);
      }
    }
  }
  return problems;
}
