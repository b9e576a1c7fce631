/**
 * A bot wired like src/index.ts for the hand-off tests: real content, engine and recogniser,
 * CloudAdapter on a real port, staff sign-in, the inbox, the hand-off service and its
 * proactive sender; any store and gate (SQLite, Redis).
 */
import { loadRuntime } from '../../src/script/load-runtime';
import { loadSystemTexts } from '../../src/channel/system-texts';
import type { Runtime } from '../../src/script/runtime';
import { advance } from '../../src/engine/advance';
import { createHandoffService, type HandoffService } from '../../src/handoff/handoff-service';
import { parseSchedule } from '../../src/handoff/hours';
import { createInboxRouter } from '../../src/handoff/inbox-router';
import type { HandoffMode } from '../../src/handoff/types';
import type { EngineEvent } from '../../src/engine/types';
import { startBotServer, type BotServer } from '../../src/server/create-bot-server';
import { createStaffAuth } from '../../src/staff/staff-auth';
import { createMemoryTurnGate } from '../../src/storage/memory-turn-gate';
import type { StateStore, TurnGate } from '../../src/storage/types';
import { createIdHasher } from '../../src/log/hash-id';
import { captureLogs, type LogCapture } from '../helpers/capture-logs';

const ROOT = process.cwd();
let runtime: Runtime | undefined;

/** The real content, loaded once per test file. */
export function realRuntime(): Runtime {
  if (runtime) return runtime;
  const loaded = loadRuntime(ROOT);
  if (!loaded.runtime) throw new Error(`content has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  runtime = loaded.runtime;
  return runtime;
}

export interface HandoffBotOptions {
  store: StateStore;
  gate?: TurnGate;
  mode?: HandoffMode;
  waitMs?: number;
  hours?: string;
  now?: () => number;
  delivery?: { attempts?: number; timeoutMs?: number; backoffMs?: number };
}

export interface HandoffBot extends BotServer {
  logs: LogCapture;
  service: HandoffService;
  events: EngineEvent[];
  messagesUrl: string;
}

/** Starts the bot; close it with `close()`. */
export async function startHandoffBot(options: HandoffBotOptions): Promise<HandoffBot> {
  const logs = captureLogs('debug');
  const gate = options.gate ?? createMemoryTurnGate();
  const events: EngineEvent[] = [];
  // One secret for every start, as the bot keeps its own in storage: a restarted bot finds its keys again.
  const ids = createIdHasher('handoff-tests-id-secret');
  const system = loadSystemTexts(ROOT);
  const service = createHandoffService({
    mode: options.mode ?? 'inbox',
    waitMs: options.waitMs ?? 600_000,
    schedule: parseSchedule(options.hours ?? ''),
    retentionDays: 30,
    store: options.store,
    gate,
    logger: logs.logger,
    ids,
    getRuntime: realRuntime,
    advance,
    system,
    onEvents: (e) => events.push(...e),
    ...(options.now ? { now: options.now } : {}),
    delivery: { attempts: 3, timeoutMs: 2_000, backoffMs: 50, ...options.delivery },
    watchEveryMs: 100,
  });
  const auth = createStaffAuth({ store: options.store, logger: logs.logger, secureCookies: false });
  const bot = await startBotServer({
    auth: { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' },
    host: '127.0.0.1',
    port: 0,
    system,
    getRuntime: realRuntime,
    advance,
    store: options.store,
    gate,
    logger: logs.logger,
    defaultLang: 'vi',
    ids,
    shutdownGraceMs: 2_000,
    onEvents: (e) => events.push(...e),
    handoff: service.hooks,
    routers: [auth.router, createInboxRouter({ service, requireStaff: auth.requireStaff, logger: logs.logger, ids })],
    beforeStoreClose: async () => service.stop(),
  });
  service.setSender(bot.sendProactive);
  service.start();
  return { ...bot, logs, service, events, messagesUrl: `${bot.url}/api/messages` };
}
