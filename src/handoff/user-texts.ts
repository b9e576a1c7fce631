/** The hand-off's texts for the user: notices as engine outputs, rendered for the user's channel. */
import { getChannelProfile } from '../channel/channel-profile';
import { hideUnavailableOffer } from '../channel/handoff-glue';
import { renderOutputs } from '../channel/render-outputs';
import type { SystemTexts } from '../channel/system-texts';
import { createTranslatorCache } from '../channel/translator-cache';
import type { OutboundActivity } from '../channel/types';
import type { Runtime } from '../script/runtime';
import type { EngineOutput } from '../engine/types';
import type { HandoffHooks } from './hooks';
import { NOTICE_CHOICES, NOTICE_TEXT_KEYS } from '../kernel/handoff-notice-keys';
import { LANGS, type Lang } from '../kernel/lang';

/** A notice as an engine output. */
export function sayNotice(name: keyof typeof NOTICE_TEXT_KEYS): EngineOutput {
  return { type: 'say', key: NOTICE_TEXT_KEYS[name], vars: {} };
}

/** The "Keep waiting" / "Back to the bot" buttons. */
export function waitingChoices(): EngineOutput {
  return { type: 'choices', options: Object.entries(NOTICE_CHOICES).map(([id, label]) => ({ id, label })), vars: {} };
}

/** Rendering of hand-off texts outside a turn. */
export interface UserTexts {
  /** `outputs` as activities for `channelId`, in `lang`. */
  render(outputs: EngineOutput[], lang: Lang, channelId: string, hooks?: HandoffHooks): OutboundActivity[];
  /** One text (for the counsellor's view of what the bot said). */
  text(key: string, lang: Lang): string;
  /** The label of a waiting choice in every language (text-only channels send the label back). */
  labels(id: keyof typeof NOTICE_CHOICES): string[];
}

/** Creates the renderer over the current runtime. */
export function createUserTexts(getRuntime: () => Runtime | null, system: SystemTexts, variables: Record<string, string>): UserTexts {
  const translatorOf = createTranslatorCache(system, variables);
  const translate = () => translatorOf(getRuntime());
  return {
    render(outputs, lang, channelId, hooks) {
      const shown = hooks ? hideUnavailableOffer(outputs, hooks) : outputs;
      return renderOutputs(shown, lang, translate(), getChannelProfile(channelId)).activities;
    },
    text: (key, lang) => translate()(key, lang),
    labels: (id) => LANGS.map((lang) => translate()(NOTICE_CHOICES[id], lang)),
  };
}
