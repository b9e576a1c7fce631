/**
 * One turn, in-process and without HTTP, in four stages:
 * load (turn-load.ts) → compute (turn-compute.ts) → render (turn-render.ts) → persist (turn-persist.ts).
 * An eTag conflict at persist (another turn wrote the same items since they were read) sends
 * the turn back to load once, and it is computed again on fresh state; only a second
 * conflict fails the turn. Side effects outside the state (a hand-off request, analytics)
 * run once, after the state is saved.
 * The HTTP bot (create-bot-logic.ts), the terminal chat and the local Direct Line all use it.
 */
import { createEphemeralIdHasher } from '../log/hash-id';
import { nameError } from '../log/logger';
import { describeCauses, isStorageConflict, isStorageUnavailable } from '../storage/errors';
import { createTestConversationRule } from '../analytics/is-test-conversation';
import { pickAtRandom, pickControl, type AppliedExperiments } from '../experiments/apply-experiments';
import type { HandoffReaction } from '../handoff/hooks';
import type { EngineEvent } from '../engine/types';
import type { Lang } from '../kernel/lang';
import type { ExperimentEvent } from '../experiments/types';
import { buildMessageInput } from './build-input';
import { profileForActivity, type ChannelProfile } from './channel-profile';
import { createTranslatorCache } from './translator-cache';
import { isHandoffStatusEvent } from './handoff-glue';
import { renderOutputs, renderText, type RenderResult } from './render-outputs';
import { getLegacyStateKeys, getStateKeys, type StateKeys } from './state-keys';
import type { SystemTexts } from './system-texts';
import { applyReaction, computeTurn, type TurnWork } from './turn-compute';
import { loadTurn, type LoadedTurn } from './turn-load';
import { renderTurn } from './turn-render';
import { deleteUserData, resetConversation, saveTurn } from './turn-persist';
import type { InboundActivity, OutboundActivity, TurnDeps, TurnOutcome } from './types';
import type { Runtime } from '../script/runtime';
import type { TurnActivity } from '../storage/turn-activity';
import { isLang, langFromLocale } from './user-language';

/** Default test rule of a deployed bot: the Emulator's and the preview's conversations. */
const isTestChannel = createTestConversationRule(false);

/** Times a turn is computed: once, and once more on fresh state after an eTag conflict. */
export const MAX_TURN_ATTEMPTS = 2;

export interface TurnProcessor {
  /**
   * Processes one activity; never throws (a failing turn yields one apology). `turn` (from the
   * gate) is committed as processed with the turn's state write.
   */
  processActivity(activity: InboundActivity, turn?: TurnActivity): Promise<TurnOutcome>;
  /** The storage keys of `activity` (keyed with this processor's id secret). */
  keysOf(activity: InboundActivity): StateKeys;
  /**
   * A platform notice (`system:<key>`) for the sender of `activity`. `rate_limited` is said in the
   * user's stored language; `unavailable` (storage may be down) in the activity locale's, reading no storage.
   * Never throws.
   */
  renderSystemReply(activity: InboundActivity, key: 'unavailable' | 'rate_limited'): Promise<OutboundActivity[]>;
}

/** True for activities that start a turn: messages, members joining (other than the bot), hand-off status events. */
export function isHandledActivity(activity: InboundActivity): boolean {
  if (activity.type === 'message' || isHandoffStatusEvent(activity)) return true;
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  return (activity.membersAdded ?? []).some((member) => member?.id !== botId);
}

/** A turn that went through the four stages and was saved. */
interface SavedTurn {
  work: TurnWork;
  ab: AppliedExperiments;
  rendered: RenderResult;
  /** Keys deleted ("delete my data"); empty when the state was saved. */
  deleted: string[];
}

/** A turn stage run untimed (no debug line to report its time in). */
const runStage = <T>(_name: string, fn: () => T | Promise<T>): T | Promise<T> => fn();

/** Milliseconds since `start`, to one decimal. */
const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/** Creates the turn processor over `deps` and the platform texts. */
export function createTurnProcessor(deps: TurnDeps & { system: SystemTexts }): TurnProcessor {
  const ids = deps.ids ?? createEphemeralIdHasher();
  const translatorOf = createTranslatorCache(deps.system, deps.handoff?.textVariables);

  /** Keys per activity object: the bot logic asks for them before the turn, the turn again (HMACs are not free). */
  const keysByActivity = new WeakMap<InboundActivity, StateKeys>();
  function keysOf(activity: InboundActivity): StateKeys {
    let keys = keysByActivity.get(activity);
    if (!keys) {
      keys = getStateKeys(activity, ids);
      keysByActivity.set(activity, keys);
    }
    return keys;
  }

  async function processActivity(activity: InboundActivity, turn?: TurnActivity): Promise<TurnOutcome> {
    const started = performance.now();
    const profile = profileForActivity(activity);
    const keys = keysOf(activity);
    const runtime = deps.getRuntime();
    const translate = translatorOf(runtime);
    const localeLang = langFromLocale(activity.locale) ?? deps.defaultLang;
    let lang = localeLang;
    // Log fields and stage times are gathered only when their lines are written (the logger's level).
    const logInfo = deps.logger.isLevelEnabled('info');
    const logDebug = deps.logger.isLevelEnabled('debug');
    const logFields: Record<string, unknown> = { channel: activity.channelId, conv: undefined, activity: activity.type };
    /** The conversation's keyed log hash, computed for the first line that needs it. */
    const conv = () => (logFields.conv ??= ids.forLog(activity.conversation.id));
    if (!isHandledActivity(activity)) return { replies: [], lang };
    const stages: Record<string, number> = {};
    /** Runs one stage, adding its time to the debug line (when that line is written). */
    const stage = !logDebug ? runStage : async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
      const at = performance.now();
      try {
        return await fn();
      } finally {
        stages[name] = Math.round(((stages[name] ?? 0) + performance.now() - at) * 10) / 10;
      }
    };
    try {
      const linkKey = deps.handoff?.linkKey(keys.conversation);
      const load = () => stage('load', () => loadTurn(deps.store, keys, () => getLegacyStateKeys(activity), linkKey));
      let loaded = await load();
      lang = loaded.lang ?? localeLang;
      if (loaded.invalid.length > 0) {
        logFields.stateInvalid = loaded.invalid.map((e) => e.part);
        conv();
        deps.logger.error({ ...logFields, error: loaded.invalid[0]!.name, parts: logFields.stateInvalid }, 'stored state unreadable: replaced by a fresh one');
      }
      if (!runtime) {
        logFields.error = 'ContentUnavailable';
        return { replies: renderText(translate('system:unavailable', lang), profile), lang };
      }
      // The hand-off is asked once: what it did (a message forwarded) is not repeated on a retry.
      const reaction = linkKey ? await askHandoff(activity, runtime, loaded, keys.conversation) : undefined;
      if (!reaction && activity.type === 'event') return { replies: [], lang };
      const computeDeps = { advance: deps.advance, handoff: deps.handoff, translate };
      const renderDeps = { runtime, translate, profile, handoff: deps.handoff, pick: deps.pickVariant ?? (isTest(activity) ? pickControl : pickAtRandom) };
      let saved: SavedTurn | undefined;
      for (let attempt = 1; !saved; attempt++) {
        const userLang = loaded.lang ?? localeLang;
        const work = await stage('compute', () => (reaction ? applyReaction(computeDeps, reaction, runtime, loaded, userLang) : computeTurn(computeDeps, activity, runtime, loaded, userLang)));
        const frame = work.state?.stack.at(-1);
        logFields.intent = work.intent;
        logFields.dialog = frame?.dialog;
        logFields.step = frame?.step;
        const { ab, rendered } = await stage('render', () => renderTurn(renderDeps, loaded, work));
        try {
          const deleted = await stage('persist', () => persist(activity, keys, loaded, work, rendered, ab, turn));
          saved = { work, ab, rendered, deleted };
        } catch (error) {
          if (!isStorageConflict(error) || attempt >= MAX_TURN_ATTEMPTS) throw error;
          logFields.retried = attempt;
          if (logDebug) deps.logger.debug({ conv: conv(), attempt, error: nameError(error) }, 'eTag conflict: turn computed again on fresh state');
          loaded = await load();
        }
      }
      const { work, rendered } = saved;
      lang = rendered.lang;
      const done = saved;
      const replies = await stage('after', () => afterSave(activity, keys, done, profile, reaction));
      if (logDebug) deps.logger.debug({
        conv: conv(), dialog: logFields.dialog, step: logFields.step, intent: work.intent, score: work.recognition?.score,
        textLang: work.recognition?.lang, langConfident: work.recognition?.langConfident, lang, handoff: reaction ? 'reaction' : undefined,
        events: work.events.map((e) => e.type), replies: replies.length, stages,
      }, 'turn stages');
      return { replies, lang };
    } catch (error) {
      logFields.error = nameError(error);
      logFields.cause = describeCauses(error);
      if (isStorageUnavailable(error)) return { replies: renderText(translate('system:unavailable', lang), profile), lang };
      await resetAfterFailure(keys, runtime, turn);
      return { replies: renderText(translate('system:apology', lang), profile), lang };
    } finally {
      if (logInfo) {
        conv();
        logFields.lang = lang;
        logFields.ms = since(started);
        deps.logger.info(logFields, 'turn');
      }
    }
  }

  /** Stage 4: delete the user's data when asked (returns the keys deleted), else save the state (may throw StorageConflictError). */
  async function persist(
    activity: InboundActivity, keys: StateKeys, loaded: LoadedTurn, work: TurnWork, rendered: RenderResult, ab: AppliedExperiments, turn: TurnActivity | undefined,
  ): Promise<string[]> {
    if (rendered.deleteData) return deleteUserData(deps.store, keys, loaded);
    // A message settles the language; a conversation start without one only assumes it.
    const assumed = !loaded.langSettled && activity.type !== 'message';
    const startLang = loaded.lang ?? langFromLocale(activity.locale) ?? deps.defaultLang;
    const userItem = loaded.userItem;
    const userChanged = rendered.lang !== startLang || !userItem || (userItem.langAssumed === true) !== assumed;
    await saveTurn(deps.store, keys, loaded, work.state, userChanged ? { lang: rendered.lang, assumed } : undefined, ab.assignments, turn);
    return [];
  }

  /** After the state is saved: hand-off request, hand-offs of deleted conversations, analytics; returns the replies in order. */
  async function afterSave(
    activity: InboundActivity, keys: StateKeys, { work, rendered, ab, deleted }: SavedTurn, profile: ChannelProfile, reaction: HandoffReaction | undefined,
  ): Promise<OutboundActivity[]> {
    const translate = translatorOf(deps.getRuntime());
    const before: OutboundActivity[] = [...(reaction?.activities ?? [])];
    const after: OutboundActivity[] = [];
    if (rendered.handoffRequested && deps.handoff) {
      const requested = await deps.handoff.onRequest({ activity, conversationKey: keys.conversation, lang: rendered.lang });
      before.push(...(requested.activities ?? []));
      after.push(...renderOutputs(requested.outputs, rendered.lang, translate, profile).activities);
      work.events.push(...(requested.events ?? []));
    }
    for (const key of deleted.filter((k) => k.startsWith('conv/'))) await deps.handoff?.onDeleteData(key);
    notifyEvents(work.events, rendered.lang, isTest(activity), ab.events);
    return [...before, ...work.notices.flatMap((n) => renderNotice(n, profile)), ...rendered.activities, ...after];
  }

  const isTest = (activity: InboundActivity) => (deps.isTestConversation ?? isTestChannel)(activity);

  /**
   * Asks the hand-off about this activity when the conversation is linked to an open hand-off,
   * or for a hand-off status event; undefined: the bot answers as usual.
   */
  async function askHandoff(activity: InboundActivity, runtime: Runtime, loaded: LoadedTurn, conversationKey: string): Promise<HandoffReaction | undefined> {
    if (!deps.handoff) return undefined;
    const lang = loaded.lang ?? langFromLocale(activity.locale) ?? deps.defaultLang;
    if (activity.type === 'message' && loaded.link !== undefined) {
      const { input } = buildMessageInput(activity, runtime, lang, loaded.state);
      return deps.handoff.onActivity({ activity, conversationKey, lang, input }, loaded.link);
    }
    if (isHandoffStatusEvent(activity)) return deps.handoff.onActivity({ activity, conversationKey, lang }, loaded.link);
    return undefined;
  }

  /** After a failed turn: the dialog position resets; the user's language is kept. */
  async function resetAfterFailure(keys: StateKeys, runtime: Runtime | null, turn: TurnActivity | undefined): Promise<void> {
    try {
      await resetConversation(deps.store, keys, runtime?.content.version ?? '', turn);
    } catch (error) {
      deps.logger.warn({ error: nameError(error), cause: describeCauses(error) }, 'reset after failed turn not saved');
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

  return { processActivity, renderSystemReply, keysOf };
}

/** A system notice as channel messages. */
function renderNotice(notice: OutboundActivity, profile: ChannelProfile): OutboundActivity[] {
  return renderText(notice.text ?? '', profile);
}
