/**
 * Plays every scripted conversation of test/conversations/*.yaml once more, through the real
 * HTTP stack (express, CloudAdapter, turn gate, SQLite store, NLU, scanner, i18next), the way
 * the Bot Framework Emulator talks to the bot. The replies must be exactly the texts and
 * buttons the engine's run of the same file renders to; that run is itself checked against
 * the file's expected keys by run-conversations.test.ts, so the HTTP bot says what the
 * scripts say, in every language.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMessageInput } from '../../src/channel/build-input';
import { getChannelProfile } from '../../src/channel/channel-profile';
import { createTranslator } from '../../src/channel/create-translator';
import { buildRuntime } from '../../src/script/load-runtime';
import { renderOutputs } from '../../src/channel/render-outputs';
import { hideUnavailableOffer } from '../../src/channel/handoff-glue';
import { loadSystemTexts } from '../../src/channel/system-texts';
import type { InboundActivity, OutboundActivity } from '../../src/channel/types';
import { advance } from '../../src/engine/advance';
import type { ConversationState, EngineInput } from '../../src/engine/types';
import type { Lang } from '../../src/kernel/lang';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { buildJoin, buildMessage, postJson } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import { languagesOf, readConversation, type ConversationFile } from '../engine/conversation-runner';
import { loadContentOrThrow } from '../engine/load-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const runtime = buildRuntime(ROOT, loadContentOrThrow(ROOT));
const translate = createTranslator(runtime.content.locales, loadSystemTexts(ROOT), runtime.content.variables);
const profile = getChannelProfile('emulator');
const SERVICE_URL = 'http://127.0.0.1:9/unused';

/** What a user sees of a reply: its text and its button titles. */
interface Seen {
  text: string;
  buttons: string[];
}

function toSeen(activities: OutboundActivity[]): Seen[] {
  return activities
    .filter((a) => a.type === 'message')
    .map((a) => ({ text: a.text ?? '', buttons: (a.suggestedActions?.actions ?? []).map((b) => String(b.title)) }));
}

type UserTurn = Extract<ConversationFile['turns'][number], { user: unknown }>['user'];

/** The HTTP body of a user turn, as the Emulator would post it. */
function toActivity(user: UserTurn, lang: Lang, conversationId: string): Record<string, unknown> {
  const from = { id: `user-${conversationId}`, name: 'User', role: 'user' };
  const common = { conversation: { id: conversationId }, from, locale: lang, deliveryMode: 'expectReplies', serviceUrl: SERVICE_URL };
  if (user === 'start') return buildJoin(SERVICE_URL, { ...common, membersAdded: [{ id: 'bot-1' }, from] });
  if (typeof user === 'string') return buildMessage(SERVICE_URL, { ...common, text: user });
  if ('choice' in user) return buildMessage(SERVICE_URL, { ...common, text: undefined, value: { choice: user.choice } });
  if ('intent' in user) return buildMessage(SERVICE_URL, { ...common, text: undefined, value: { intent: user.intent } });
  return buildMessage(SERVICE_URL, { ...common, text: user[lang] });
}

/** The engine's side of the same turn, rendered the way the channel renders it. */
function engineTurn(activity: Record<string, unknown>, state: ConversationState | undefined, userLang: Lang) {
  let lang = userLang;
  const notices: Seen[] = [];
  let input: EngineInput = { type: 'start' };
  if (activity.type !== 'conversationUpdate') {
    const built = buildMessageInput(activity as unknown as InboundActivity, runtime, userLang, state);
    input = built.input;
    // A message confidently in another language switches the reply language, with a notice.
    const recognition = built.recognition;
    if (recognition?.langConfident && recognition.lang !== userLang) {
      lang = recognition.lang;
      const name = (l: Lang) => translate(`system:language_names.${l}`, l);
      notices.push({ text: translate('system:language_switched', lang, { language: name(lang), previous: name(userLang) }), buttons: [] });
    }
  }
  const result = advance(runtime.content, state, input);
  // Without counsellors wired (as in this bot), the channel hides the "Talk to a person" button.
  const rendered = renderOutputs(hideUnavailableOffer(result.outputs, undefined), lang, translate, profile);
  const next = rendered.deleteData ? undefined : (JSON.parse(JSON.stringify(result.state)) as ConversationState);
  return { seen: [...notices, ...toSeen(rendered.activities)], state: next, lang: rendered.lang };
}

describe('scripted conversations through the real HTTP stack', () => {
  let bot: TestBot;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thinkfirst-http-conv-'));
    bot = await startTestBot({ runtime, advance, store: createSqliteStore(join(dir, 'state.db')) });
  });
  afterAll(async () => {
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.yaml')).sort();
  for (const name of files) {
    const file = readConversation(join(import.meta.dirname, name));
    if (file.turns.some((t) => 'reload' in t)) continue;
    for (const lang of languagesOf(file)) {
      it(`${name} [${lang}]`, async () => {
        const conversationId = `http-${name}-${lang}`;
        let state: ConversationState | undefined;
        let userLang: Lang = lang;
        for (const [i, turn] of file.turns.entries()) {
          if (!('user' in turn)) continue;
          const activity = toActivity(turn.user, lang, conversationId);
          const expected = engineTurn(activity, state, userLang);
          const response = await postJson(bot.messagesUrl, activity);
          expect(response.status, `${name} [${lang}] turn ${i + 1}: HTTP status`).toBe(200);
          const body = response.json() as { activities?: OutboundActivity[] };
          expect(toSeen(body.activities ?? []), `${name} [${lang}] turn ${i + 1}: replies`).toEqual(expected.seen);
          state = expected.state;
          userLang = expected.lang;
        }
      });
    }
  }
});
