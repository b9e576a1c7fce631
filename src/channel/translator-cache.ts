/** One translator per loaded runtime (content reloads make a new one), shared by the turn processor and the hand-off. */
import { createTranslator, type Translate } from './create-translator';
import type { SystemTexts } from './system-texts';
import type { Runtime } from '../script/runtime';

/**
 * Returns `translatorOf(runtime)`: the translator of that runtime's texts plus the platform
 * texts (`system:`), built once per runtime; with no runtime, the platform texts only.
 * @param extraVariables variables every text may use besides Content.variables (e.g. `retention_days`).
 */
export function createTranslatorCache(system: SystemTexts, extraVariables: Record<string, string> = {}): (runtime: Runtime | null) => Translate {
  const translators = new WeakMap<Runtime, Translate>();
  const systemOnly = createTranslator({}, system, extraVariables);
  return (runtime) => {
    if (!runtime) return systemOnly;
    let translate = translators.get(runtime);
    if (!translate) {
      translate = createTranslator(runtime.content.locales, system, { ...runtime.content.variables, ...extraVariables });
      translators.set(runtime, translate);
    }
    return translate;
  };
}
