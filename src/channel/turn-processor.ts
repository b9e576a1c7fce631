/**
 * One turn, in-process and without HTTP: activity -> state -> engine -> rendered replies.
 * The HTTP bot (create-bot-logic.ts), the terminal chat and the local Direct Line all use it.
 */
import type { StoreItem } from '../storage/types';
import type { ConversationState, EngineEvent, EngineInput, EngineOutput } from '../engine/types';
import { createEphemeralIdHasher } from '../log/hash-id';
import { nameError } from '../log/logger';
import type { Intent } from '../kernel/intent';
import type { Lang } from '../kernel/lang';
import { isStorageUnavailable } from '../storage/redis-errors';
import { createTestConversationRule } from '../analytics/is-test-conversation';
import { applyExperiments, pickAtRandom, pickControl } from '../experiments/apply-experiments';
import type { Assignments, ExperimentEvent } from '../experiments/types';
import { buildMessageInput } from './build-input';
import { profileForActivity, type ChannelProfile } from './channel-profile';
import type { Translate } from './create-translator';
import { firstMessageLanguage } from './first-message-language';
import { createTranslatorCache } from './translator-cache';
import { hideUnavailableOffer, isHandoffStatusEvent, redirectWhenDisabled } from './handoff-glue';
import type { HandoffReaction } from '../handoff/hooks';
import { renderOutputs, renderText } from './render-outputs';
import { getLegacyStateKeys, getStateKeys, type StateKeys } from './state-keys';
import { migrateStateKeys } from './migrate-state-keys';
import { keysToDelete, needsListing, withConversation } from './user-conversations';
import type { SystemTexts } from './system-texts';
import type { InboundActivity, OutboundActivity, TurnDeps, TurnOutcome } from './types';
import type { Runtime } from '../script/runtime';
import { isLang, langFromLocale } from './user-language';

/** Default test rule of a deployed bot: the Emulator's and the preview's conversations. */
const isTestChannel = createTestConversationRule(false);

/** Intents of a first message that only say hello: the welcome answers them by itself. */
const WELCOME_ONLY_INTENTS: ReadonlySet<Intent> = new Set(['greet', 'unknown', 'thanks', 'goodbye']);

export interface TurnProcessor {
  /** Processes one activity; never throws (a failing turn yields one apology). */
  processActivity(activity: InboundActivity): Promise<TurnOutcome>;
  /** The storage keys of `activity` (keyed with this processor's id secret). */
  keysOf(activity: InboundActivity): StateKeys;
  /**
   * A platform notice (`system:<key>`) for the sender of `activity`. `rate_limited` is said in the
   * user's stored language; `unavailable` (storage may be down) in the activity locale's, reading no storage.
   * Never throws.
   */
  renderSystemReply(activity: InboundActivity, key: 'unavailable' | 'rate_limited'): Promise<OutboundActivity[]>;
}

/** What a turn computed before it is saved. */
interface TurnWork {
  outputs: EngineOutput[];
  events: EngineEvent[];
  state: ConversationState | undefined;
  notices: OutboundActivity[];
  intent?: Intent;
}

/** True for activities that start a turn: messages, members joining (other than the bot), hand-off status events. */
export function isHandledActivity(activity: InboundActivity): boolean {
  if (activity.type === 'message' || isHandoffStatusEvent(activity)) return true;
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  return (activity.membersAdded ?? []).some((member) => member?.id !== botId);
}

/** Creates the turn processor over `deps` and the platform texts. */
export function createTurnProcessor(deps: TurnDeps & { system: SystemTexts }): TurnProcessor {
  const ids = deps.ids ?? createEphemeralIdHasher();
  const translatorOf = createTranslatorCache(deps.system, deps.handoff?.textVariables);

  async function processActivity(activity: InboundActivity): Promise<TurnOutcome> {
    const started = performance.now();
    const profile = profileForActivity(activity);
    const keys = getStateKeys(activity, ids);
    const runtime = deps.getRuntime();
    const translate = translatorOf(runtime);
    let lang = langFromLocale(activity.locale) ?? deps.defaultLang;
    const logFields: Record<string, unknown> = {
      channel: activity.channelId,
      conv: ids.forLog(activity.conversation.id),
      activity: activity.type,
    };
    if (!isHandledActivity(activity)) return { replies: [], lang };
    try {
      const linkKey = deps.handoff?.linkKey(keys.conversation);
      const readKeys = [keys.conversation, keys.user, ...(linkKey ? [linkKey] : [])];
      let items = await deps.store.read(readKeys);
      if (await migrateStateKeys(deps.store, keys, getLegacyStateKeys(activity), items)) items = await deps.store.read(readKeys);
      const userItem = items[keys.user];
      const convItem = items[keys.conversation];
      if (isLang(userItem?.lang)) lang = userItem.lang;
      // Until the user's first message, the language is only assumed (locale or DEFAULT_LANG).
      const langSettled = isLang(userItem?.lang) && userItem?.langAssumed !== true;
      if (!runtime) {
        logFields.error = 'ContentUnavailable';
        return { replies: renderText(translate('system:unavailable', lang), profile), lang };
      }
      const stored = (convItem?.engine ?? undefined) as ConversationState | undefined;
      const startLang = lang;
      const reaction = linkKey ? await askHandoff(activity, runtime, stored, lang, keys.conversation, items[linkKey]) : undefined;
      if (!reaction && activity.type === 'event') return { replies: [], lang };
      const work = reaction ? applyReaction(reaction, runtime, stored, lang) : computeTurn(activity, runtime, stored, lang, langSettled, translate);
      lang = work.lang;
      const test = (deps.isTestConversation ?? isTestChannel)(activity);
      const ab = applyExperiments(runtime.experiments ?? [], hideUnavailableOffer(work.outputs, deps.handoff), work.events, convItem?.ab as Assignments | undefined,
        deps.pickVariant ?? (test ? pickControl : pickAtRandom));
      const rendered = renderOutputs(ab.outputs, lang, translate, profile);
      const finalLang = rendered.lang;
      const before: OutboundActivity[] = [...(reaction?.activities ?? [])];
      const after: OutboundActivity[] = [];
      if (rendered.handoffRequested && deps.handoff) {
        const requested = await deps.handoff.onRequest({ activity, conversationKey: keys.conversation, lang: finalLang });
        before.push(...(requested.activities ?? []));
        after.push(...renderOutputs(requested.outputs, finalLang, translate, profile).activities);
        work.events.push(...(requested.events ?? []));
      }
      logFields.intent = work.intent;
      const frame = work.state?.stack.at(-1);
      logFields.dialog = frame?.dialog;
      logFields.step = frame?.step;
      if (rendered.deleteData) {
        const deleted = keysToDelete(userItem, keys.conversation, keys.user);
        await deps.store.delete(deleted);
        for (const key of deleted.filter((k) => k.startsWith('conv/'))) await deps.handoff?.onDeleteData(key);
      } else {
        // A message settles the language; a conversation start without one only assumes it.
        const assumed = !langSettled && activity.type !== 'message';
        const userChanged = finalLang !== startLang || !userItem || (userItem.langAssumed === true) !== assumed;
        await saveTurn(keys, convItem, userItem, work.state, userChanged ? { lang: finalLang, assumed } : undefined, ab.assignments);
      }
      lang = finalLang;
      notifyEvents(work.events, lang, test, ab.events);
      return { replies: [...before, ...work.notices.flatMap((n) => renderNotice(n, profile)), ...rendered.activities, ...after], lang };
    } catch (error) {
      logFields.error = nameError(error);
      if (isStorageUnavailable(error)) return { replies: renderText(translate('system:unavailable', lang), profile), lang };
      await resetConversation(keys, runtime);
      return { replies: renderText(translate('system:apology', lang), profile), lang };
    } finally {
      logFields.lang = lang;
      logFields.ms = Math.round((performance.now() - started) * 10) / 10;
      deps.logger.info(logFields, 'turn');
    }
  }

  /**
   * Asks the hand-off about this activity when the conversation is linked to an open hand-off,
   * or for a hand-off status event; undefined: the bot answers as usual.
   */
  async function askHandoff(
    activity: InboundActivity,
    runtime: Runtime,
    stored: ConversationState | undefined,
    lang: Lang,
    conversationKey: string,
    link: unknown,
  ): Promise<HandoffReaction | undefined> {
    if (!deps.handoff) return undefined;
    if (activity.type === 'message' && link !== undefined) {
      const { input } = buildMessageInput(activity, runtime, lang, stored);
      return deps.handoff.onActivity({ activity, conversationKey, lang, input }, link);
    }
    if (isHandoffStatusEvent(activity)) return deps.handoff.onActivity({ activity, conversationKey, lang }, link);
    return undefined;
  }

  /** The turn of a hand-off reaction: its outputs, then the main menu when the bot takes over again. */
  function applyReaction(reaction: HandoffReaction, runtime: Runtime, stored: ConversationState | undefined, lang: Lang): TurnWork & { lang: Lang } {
    const outputs = [...reaction.outputs];
    const events = [...(reaction.events ?? [])];
    let state = stored;
    if (reaction.resumeMenu || reaction.resumeInput) {
      const result = deps.advance(runtime.content, stored, reaction.resumeInput ?? { type: 'intent', intent: 'menu' });
      state = result.state;
      outputs.push(...result.outputs);
      events.push(...result.events);
    }
    return { outputs, events, state, notices: [], lang };
  }

  /** Runs the engine for the inputs of this activity (welcome first for a new conversation). */
  function computeTurn(
    activity: InboundActivity,
    runtime: Runtime,
    stored: ConversationState | undefined,
    userLang: Lang,
    langSettled: boolean,
    translate: Translate,
  ): TurnWork & { lang: Lang } {
    const inputs: EngineInput[] = [];
    const notices: OutboundActivity[] = [];
    let lang = userLang;
    let intent: Intent | undefined;
    if (activity.type === 'conversationUpdate') {
      if (!stored) inputs.push({ type: 'start' });
    } else {
      const built = buildMessageInput(activity, runtime, userLang, stored);
      const recognition = built.recognition;
      const input = redirectWhenDisabled(built.input, deps.handoff);
      intent = recognition?.intent;
      if (recognition && !langSettled) {
        // The first message: its language, when clear, replaces the assumed one without a notice.
        lang = firstMessageLanguage(recognition) ?? userLang;
      } else if (recognition?.langConfident && recognition.lang !== userLang) {
        const names = (l: Lang) => translate(`system:language_names.${l}`, l);
        if (stored) {
          notices.push({ type: 'message', text: translate('system:language_switched', recognition.lang, { language: names(recognition.lang), previous: names(userLang) }) });
        }
        lang = recognition.lang;
      }
      if (!stored) inputs.push({ type: 'start' });
      if (stored || (input.type === 'text' && (!WELCOME_ONLY_INTENTS.has(input.intent) || input.possibleDanger))) inputs.push(input);
    }
    let state = stored;
    const outputs: EngineOutput[] = [];
    const events: EngineEvent[] = [];
    for (const input of inputs) {
      const result = deps.advance(runtime.content, state, input);
      state = result.state;
      outputs.push(...result.outputs);
      events.push(...result.events);
    }
    return { outputs, events, state, notices, lang, ...(intent ? { intent } : {}) };
  }

  /**
   * Writes conversation state (and user state when `userLang` is given: the language, and whether
   * it is only assumed), guarded by the eTags read.
   */
  async function saveTurn(
    keys: StateKeys,
    convItem: StoreItem | undefined,
    userItem: StoreItem | undefined,
    state: ConversationState | undefined,
    userLang: { lang: Lang; assumed: boolean } | undefined,
    assignments: Assignments,
  ): Promise<void> {
    const changes: Record<string, StoreItem> = {};
    const ab = Object.keys(assignments).length > 0 ? { ab: assignments } : {};
    if (state) changes[keys.conversation] = { engine: state, ...ab, ...(convItem?.eTag ? { eTag: convItem.eTag } : {}) };
    const listConversation = needsListing(userItem, keys.conversation);
    if (userLang || listConversation) {
      const item: StoreItem = { ...(userItem ?? {}), conversations: withConversation(userItem, keys.conversation) };
      if (userLang) {
        item.lang = userLang.lang;
        if (userLang.assumed) item.langAssumed = true;
        else delete item.langAssumed;
      }
      changes[keys.user] = item;
    }
    if (Object.keys(changes).length > 0) await deps.store.write(changes);
  }

  /** After a failed turn: the dialog position resets; the user's language is kept. */
  async function resetConversation(keys: StateKeys, runtime: Runtime | null): Promise<void> {
    const idle: ConversationState = { contentVersion: runtime?.content.version ?? '', stack: [] };
    try {
      await deps.store.write({ [keys.conversation]: { engine: idle, eTag: '*' } });
    } catch (error) {
      deps.logger.warn({ error: nameError(error) }, 'reset after failed turn not saved');
    }
  }

  function notifyEvents(events: EngineEvent[], lang: Lang, test: boolean, experiments: ExperimentEvent[]): void {
    if (!deps.onEvents || (events.length === 0 && experiments.length === 0)) return;
    try {
      deps.onEvents(events, lang, { test, experiments });
    } catch (error) {
      deps.logger.warn({ error: nameError(error) }, 'analytics hook failed');
    }
  }

  async function renderSystemReply(activity: InboundActivity, key: 'unavailable' | 'rate_limited'): Promise<OutboundActivity[]> {
    let lang = langFromLocale(activity.locale) ?? deps.defaultLang;
    if (key === 'rate_limited') {
      try {
        const userKey = getStateKeys(activity, ids).user;
        const stored: unknown = (await deps.store.read([userKey]))[userKey]?.lang;
        if (isLang(stored)) lang = stored;
      } catch {
        // Storage failing: the locale's language will do.
      }
    }
    return renderText(translatorOf(deps.getRuntime())(`system:${key}`, lang), profileForActivity(activity));
  }

  return { processActivity, renderSystemReply, keysOf: (activity) => getStateKeys(activity, ids) };
}

/** A system notice as channel messages. */
function renderNotice(notice: OutboundActivity, profile: ChannelProfile): OutboundActivity[] {
  return renderText(notice.text ?? '', profile);
}
