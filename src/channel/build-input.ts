/** Activity -> engine input: button payloads, NFC text, recognition and (for texts long enough to be an ad) the offer scan. */
import type { ConversationState, Content, EngineInput } from '../engine/types';
import { toNfc } from '../kernel/normalise';
import { INTENTS, type Intent } from '../kernel/intent';
import type { Lang } from '../kernel/lang';
import type { Recognition } from '../nlu/types';
import type { InboundActivity } from './types';
import type { Runtime } from '../script/runtime';

/** The engine input of a message, with the recognition when it was text. */
export interface MessageInput {
  input: EngineInput;
  recognition?: Recognition;
}

/** The choice id of a button tap (`value: { choice: id }`), if any. */
export function readChoicePayload(activity: InboundActivity): string | undefined {
  const value: unknown = activity.value;
  if (value && typeof value === 'object' && 'choice' in value) {
    const choice = (value as { choice: unknown }).choice;
    if (typeof choice === 'string' && choice !== '') return choice;
  }
  return undefined;
}

/**
 * The intent of a menu command (`value: { intent: name }`), as sent by a channel's persistent
 * menu or a deep link; only catalogue intents count.
 */
export function readIntentPayload(activity: InboundActivity): Intent | undefined {
  const value: unknown = activity.value;
  if (!value || typeof value !== 'object' || !('intent' in value)) return undefined;
  const intent = (value as { intent: unknown }).intent;
  return (INTENTS as readonly unknown[]).includes(intent) ? (intent as Intent) : undefined;
}

/**
 * Turns a message activity into an engine input.
 * @param userLang the user's language (kept by the recogniser when the text is too short to tell).
 * @param state current conversation state (a step expecting an offer always gets the scan).
 */
export function buildMessageInput(
  activity: InboundActivity,
  runtime: Runtime,
  userLang: Lang,
  state: ConversationState | undefined,
): MessageInput {
  const choice = readChoicePayload(activity);
  if (choice) return { input: { type: 'choice', id: choice } };
  const intent = readIntentPayload(activity);
  if (intent) return { input: { type: 'intent', intent } };
  const text = toNfc(typeof activity.text === 'string' ? activity.text : '').trim();
  if (text === '') return { input: { type: 'intent', intent: 'unknown' } };
  const recognition = runtime.recogniser.recognise(text, userLang);
  const scanLang = recognition.langConfident ? recognition.lang : userLang;
  // Texts long enough to read as an ad (the scanner's own `min_chars`) are scanned as a possible offer.
  const scan = text.length >= runtime.scanner.minChars || expectsOffer(runtime.content, state)
    ? runtime.scanner.scan(text, scanLang)
    : undefined;
  return {
    recognition,
    input: {
      type: 'text',
      text: recognition.text,
      folded: recognition.folded,
      intent: recognition.intent,
      score: recognition.score,
      entities: recognition.entities,
      ...(recognition.answer ? { answer: recognition.answer } : {}),
      ...(recognition.danger?.level === 'possible' ? { possibleDanger: true } : {}),
      ...(scan ? { scan } : {}),
    },
  };
}

/** True when the conversation waits at a step with `expect: offer_text`. */
function expectsOffer(content: Content, state: ConversationState | undefined): boolean {
  const frame = state?.stack.at(-1);
  if (!frame) return false;
  return content.dialogs[frame.dialog]?.steps[frame.step]?.expect === 'offer_text';
}
