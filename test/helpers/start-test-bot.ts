/**
 * Starts the real bot server (express + CloudAdapter + turn processor) on a random port,
 * with a log capture and any runtime, engine and store. Local mode unless `auth` is given.
 */
import { join } from 'node:path';
import type { Router } from 'express';
import { loadSystemTexts } from '../../src/channel/system-texts';
import type { AdvanceFn, TurnDeps, TurnMeta } from '../../src/channel/types';
import type { Runtime } from '../../src/script/runtime';
import type { AdapterAuth } from '../../src/bot-framework/cloud-channel';
import type { EngineEvent } from '../../src/engine/types';
import type { Lang } from '../../src/kernel/lang';
import type { Logger } from '../../src/log/logger';
import { createIdHasher } from '../../src/log/hash-id';
import { startBotServer, type BotServer } from '../../src/server/create-bot-server';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../../src/server/http-limits';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { RateLimiter } from '../../src/storage/rate-limit';
import type { StateStore } from '../../src/storage/types';
import { captureLogs, type LogCapture } from './capture-logs';

export interface TestBotOptions {
  runtime: Runtime | null | (() => Runtime | null);
  advance: AdvanceFn;
  store?: StateStore;
  auth?: Partial<AdapterAuth>;
  defaultLang?: Lang;
  onEvents?: (events: EngineEvent[], lang: Lang, meta: TurnMeta) => void;
  /** Which conversations are tests (default: the Emulator's and the preview's). */
  isTestConversation?: TurnDeps['isTestConversation'];
  shutdownGraceMs?: number;
  rateLimiter?: RateLimiter;
  /** HTTP limits (time-outs, connection caps, turns in flight); defaults otherwise. */
  httpLimits?: Partial<HttpLimits>;
  /** Extra routers (staff sign-in, hand-off inbox), built over the bot's store and logger. */
  routers?: (deps: { store: StateStore; logger: Logger }) => Router[];
}

export interface TestBot extends BotServer {
  logs: LogCapture;
  /** POST URL of the bot. */
  messagesUrl: string;
  store: StateStore;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** Starts a bot for a test; call `close()` in afterEach/afterAll. */
export async function startTestBot(options: TestBotOptions): Promise<TestBot> {
  const logs = captureLogs('debug');
  const store = options.store ?? createMemoryStore();
  const runtime = options.runtime;
  const bot = await startBotServer({
    auth: { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '', ...options.auth },
    host: '127.0.0.1',
    port: 0,
    system: loadSystemTexts(ROOT),
    getRuntime: typeof runtime === 'function' ? runtime : () => runtime,
    advance: options.advance,
    store,
    logger: logs.logger,
    defaultLang: options.defaultLang ?? 'vi',
    ids: createIdHasher('test-secret-of-sixteen-chars'),
    shutdownGraceMs: options.shutdownGraceMs ?? 2_000,
    ...(options.onEvents ? { onEvents: options.onEvents } : {}),
    ...(options.isTestConversation ? { isTestConversation: options.isTestConversation } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.httpLimits ? { httpLimits: { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits } } : {}),
    ...(options.routers ? { routers: options.routers({ store, logger: logs.logger }) } : {}),
  });
  return { ...bot, logs, store, messagesUrl: `${bot.url}/api/messages` };
}
