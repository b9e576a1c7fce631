/**
 * Engine outputs -> channel activities: texts through i18next in the user's language,
 * split to the channel's length; choices as suggested actions or a numbered list.
 */
import type { CardAction } from 'botbuilder';
import type { EngineOutput, VarValue } from '../engine/types';
import type { Lang } from '../nlu/types';
import { MAX_BUTTON_TITLE, type ChannelProfile } from './channel-profile';
import type { Translate } from './create-translator';
import { splitText } from './split-text';
import type { OutboundActivity } from './types';

/** What rendering a list of outputs produced, besides the activities. */
export interface RenderResult {
  activities: OutboundActivity[];
  /** Language in force after the outputs (changed by `set_language`). */
  lang: Lang;
  /** Set when a `delete_data` output asked to erase the user's data. */
  deleteData: boolean;
}

/**
 * Renders `outputs` in order; a `set_language` output changes the language of the outputs after it.
 * Every activity carries the `locale` (vi, fr, en) it is written in.
 * @param translate renders a key; @param profile what the channel can show.
 */
export function renderOutputs(outputs: EngineOutput[], lang: Lang, translate: Translate, profile: ChannelProfile): RenderResult {
  const activities: OutboundActivity[] = [];
  let current = lang;
  let deleteData = false;
  for (const output of outputs) {
    switch (output.type) {
      case 'say': {
        const text = translate(output.key, current, output.vars);
        if (!(output.join && appendToLast(activities, text, profile))) activities.push(...renderText(text, profile));
        break;
      }
      case 'choices':
        renderChoices(activities, output.options, output.vars, current, translate, profile);
        break;
      case 'set_language':
        current = output.lang;
        break;
      case 'delete_data':
        deleteData = true;
        break;
      case 'end':
        break;
    }
    // Each message says which language it is in (Activity.locale), so clients can follow a switch.
    for (const activity of activities) activity.locale ??= current;
  }
  return { activities, lang: current, deleteData };
}

/**
 * Adds `text` on a new line of the last message when that message has no buttons yet and
 * the result still fits the channel; returns false (nothing changed) otherwise.
 */
function appendToLast(activities: OutboundActivity[], text: string, profile: ChannelProfile): boolean {
  const last = activities.at(-1);
  if (!last || last.type !== 'message' || last.suggestedActions || typeof last.text !== 'string') return false;
  const joined = `${last.text}\n${text}`;
  if ([...joined].length > profile.maxLength) return false;
  last.text = joined;
  return true;
}

/** One text as one or more message activities, split to the channel's maximum length. */
export function renderText(text: string, profile: ChannelProfile): OutboundActivity[] {
  // Plain text: campaign texts are not Markdown ("2. ..." must not become "1.", line breaks must stay).
  return splitText(text, profile.maxLength).map((part) => ({ type: 'message', text: part, textFormat: 'plain' }));
}

function renderChoices(
  activities: OutboundActivity[],
  options: { id: string; label: string }[],
  vars: Record<string, VarValue>,
  lang: Lang,
  translate: Translate,
  profile: ChannelProfile,
): void {
  const labels = options.map((option) => translate(option.label, lang, vars));
  if (!profile.suggestedActions) {
    const list = labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
    const text = `${list}\n\n${translate('system:choice_hint', lang)}`;
    activities.push(...renderText(text, profile));
    return;
  }
  const actions: CardAction[] = options.map((option, index) => toCardAction(option.id, labels[index] ?? option.id, profile));
  const last = activities.at(-1);
  if (last && last.type === 'message' && !last.suggestedActions) {
    last.suggestedActions = { actions, to: [] };
  } else {
    activities.push({ type: 'message', text: translate('system:choose_prompt', lang), suggestedActions: { actions, to: [] } });
  }
}

/** A button whose tap comes back as `value: { choice: id }` (messageBack) or as the label text (imBack). */
function toCardAction(id: string, label: string, profile: ChannelProfile): CardAction {
  const title = shortenTitle(label);
  if (profile.buttonType === 'imBack') return { type: 'imBack', title, value: label };
  return { type: 'messageBack', title, text: label, displayText: label, value: { choice: id } };
}

/** Cuts a button title to {@link MAX_BUTTON_TITLE} characters with an ellipsis. */
export function shortenTitle(label: string): string {
  const chars = [...label];
  return chars.length <= MAX_BUTTON_TITLE ? label : `${chars.slice(0, MAX_BUTTON_TITLE - 1).join('').trimEnd()}…`;
}
