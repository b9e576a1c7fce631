/**
 * Engine outputs -> channel activities: texts through i18next in the user's language, split to
 * the channel's length and marked up for its client; choices as suggested actions, Adaptive Card
 * buttons or a numbered list, as the channel profile says.
 */
import type { EngineOutput, VarValue } from '../engine/types';
import type { Lang } from '../kernel/lang';
import type { ChannelProfile } from './channel-profile';
import type { Translate } from './create-translator';
import { formatText } from './format-text';
import { splitText } from './split-text';
import type { OutboundActivity, ReplyButton } from './types';

/** What rendering a list of outputs produced, besides the activities. */
export interface RenderResult {
  activities: OutboundActivity[];
  /** Language in force after the outputs (changed by `set_language`). */
  lang: Lang;
  /** Set when a `delete_data` output asked to erase the user's data. */
  deleteData: boolean;
  /** Set when a `handoff_request` output asked to hand the conversation to a counsellor. */
  handoffRequested: boolean;
}

/** A button as the Bot Framework schema describes it (CardAction). */
export type ButtonAction = ReplyButton;

/** Content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Adaptive Card schema version used (Teams renders 1.5 or earlier). */
const ADAPTIVE_CARD_VERSION = '1.4';

/** An Adaptive Card button that sends `data` to the bot as the message's `value`. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { choice: string };
}

/**
 * Renders `outputs` in order; a `set_language` output changes the language of the outputs after it.
 * Every activity carries the `locale` (vi, fr, en) it is written in.
 * @param translate renders a key; @param profile what the channel can show.
 */
export function renderOutputs(outputs: EngineOutput[], lang: Lang, translate: Translate, profile: ChannelProfile): RenderResult {
  const activities: OutboundActivity[] = [];
  const raw: RawTexts = new WeakMap();
  let current = lang;
  let deleteData = false;
  let handoffRequested = false;
  for (const output of outputs) {
    switch (output.type) {
      case 'say': {
        const text = translate(output.key, current, output.vars);
        if (!(output.join && appendToLast(activities, raw, text, profile))) pushText(activities, raw, text, profile);
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
      case 'handoff_request':
        handoffRequested = true;
        break;
      case 'end':
        break;
    }
    // Each message says which language it is in (Activity.locale), so clients can follow a switch.
    for (const activity of activities) activity.locale ??= current;
  }
  return { activities, lang: current, deleteData, handoffRequested };
}

/** The text each rendered message was made from, before markup: `join` adds to it. */
type RawTexts = WeakMap<OutboundActivity, string>;

/**
 * Adds `text` on a new line of the last message when that message has no buttons yet and
 * the two still fit the channel; the message is rendered again from the joined text.
 * Returns false (nothing changed) otherwise.
 */
function appendToLast(activities: OutboundActivity[], raw: RawTexts, text: string, profile: ChannelProfile): boolean {
  const last = activities.at(-1);
  const before = last ? raw.get(last) : undefined;
  if (!last || before === undefined || last.suggestedActions || last.attachments?.length) return false;
  const joined = `${before}\n${text}`;
  if ([...joined].length > profile.maxLength) return false;
  const [message] = renderText(joined, profile);
  if (!message) return false;
  activities[activities.length - 1] = message;
  raw.set(message, joined);
  return true;
}

/** Renders `text` as new messages, remembering the text of the last one for `join`. */
function pushText(activities: OutboundActivity[], raw: RawTexts, text: string, profile: ChannelProfile): void {
  const parts = renderText(text, profile);
  activities.push(...parts);
  const last = parts.at(-1);
  if (last && parts.length === 1) raw.set(last, text);
}

/** One text as one or more message activities, split to the channel's length and marked up for its client. */
export function renderText(text: string, profile: ChannelProfile): OutboundActivity[] {
  return splitText(text, profile.maxLength).map((part) => ({
    type: 'message',
    text: formatText(part, profile.markup),
    // The markup names match the Bot Framework's textFormat values.
    textFormat: profile.markup,
  }));
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
  const fitsButtons = options.length <= profile.maxButtons;
  if (profile.choiceStyle === 'numbered-list' || (profile.choiceStyle === 'suggested-actions' && !fitsButtons)) {
    const list = labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
    activities.push(...renderText(`${list}\n\n${translate('system:choice_hint', lang)}`, profile));
    return;
  }
  const last = activities.at(-1);
  const target = last && last.type === 'message' && !last.suggestedActions && !last.attachments?.length
    ? last
    : pushed(activities, renderText(translate('system:choose_prompt', lang), profile).at(-1)!);
  if (profile.choiceStyle === 'suggested-actions') {
    const actions = options.map((option, index) => toButton(option.id, labels[index] ?? option.id, profile));
    target.suggestedActions = { actions, to: [] };
  } else {
    const actions = options.map((option, index): SubmitAction => ({
      type: 'Action.Submit', title: shortenTitle(labels[index] ?? option.id, profile.maxButtonTitle), data: { choice: option.id },
    }));
    target.attachments = chunk(actions, Math.max(1, profile.maxButtons)).map((cardActions) => ({
      contentType: ADAPTIVE_CARD,
      content: { type: 'AdaptiveCard', version: ADAPTIVE_CARD_VERSION, body: [], actions: cardActions },
    }));
  }
}

function pushed(activities: OutboundActivity[], activity: OutboundActivity): OutboundActivity {
  activities.push(activity);
  return activity;
}

/** A button whose tap comes back as `value: { choice: id }` (messageBack) or as the label text (imBack). */
function toButton(id: string, label: string, profile: ChannelProfile): ButtonAction {
  const title = shortenTitle(label, profile.maxButtonTitle);
  if (profile.buttonType === 'imBack') return { type: 'imBack', title, value: label };
  return { type: 'messageBack', title, text: label, displayText: label, value: { choice: id } };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts a button title to `max` characters (20 by default) with an ellipsis. */
export function shortenTitle(label: string, max = 20): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
