/**
 * How many messages a reply sends, rendered by the real channel renderer (i18next texts,
 * `join`, splitting to the channel's length, buttons attached to the last message).
 */
import { createTranslator } from '../../../src/channel/create-translator';
import { getChannelProfile } from '../../../src/channel/channel-profile';
import { renderOutputs } from '../../../src/channel/render-outputs';
import { loadSystemTexts } from '../../../src/channel/system-texts';
import type { Content, EngineOutput } from '../../../src/engine/types';
import type { Lang } from '../../../src/kernel/lang';

const ROOT = new URL('../../..', import.meta.url).pathname;
const translators = new WeakMap<Content, ReturnType<typeof createTranslator>>();

/** Message activities `outputs` become in `lang` on `channelId` (Web Chat by default). */
export function countMessages(content: Content, outputs: EngineOutput[], lang: Lang, channelId = 'webchat'): number {
  let translate = translators.get(content);
  if (!translate) {
    translate = createTranslator(content.locales, loadSystemTexts(ROOT), content.variables);
    translators.set(content, translate);
  }
  const rendered = renderOutputs(outputs, lang, translate, getChannelProfile(channelId));
  return rendered.activities.filter((a) => a.type === 'message').length;
}
