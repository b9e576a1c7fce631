/**
 * Wires adapter, gate, turn processor and express app, listens, and shuts down gracefully.
 * Used by src/index.ts and by the tests (which start it on port 0 with their own deps).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import { createCloudChannel, type AdapterAuth } from '../bot-framework/cloud-channel';
import { createBotLogic } from '../channel/create-bot-logic';
import type { SendProactive } from '../handoff/types';
import { createTurnProcessor, type TurnProcessor } from '../channel/turn-processor';
import type { SystemTexts } from '../channel/system-texts';
import type { TurnDeps } from '../channel/types';
import { nameError } from '../log/logger';
import { createMemoryTurnGate } from '../storage/memory-turn-gate';
import type { RateLimiter } from '../storage/rate-limit';
import type { TurnGate } from '../storage/types';
import { createApp } from './create-app';
import { applyServerLimits, DEFAULT_HTTP_LIMITS, serverOptions, type HttpLimits } from './http-limits';
import { createInFlight } from './in-flight';
import { createLocalTestRouters } from './web-chat/create-local-routers';
import { createTestConversationRule } from '../analytics/is-test-conversation';
import { createPreviewRouters, type PreviewGuards } from './preview/create-preview-routers';
import { withTimeout } from '../util/with-timeout';

export interface BotServerOptions extends TurnDeps {
  auth: AdapterAuth;
  host: string;
  port: number;
  system: SystemTexts;
  /** Defaults to the in-process gate; the Redis gate plugs in here. */
  gate?: TurnGate;
  /** Per-conversation rate limit (src/storage/rate-limit*.ts); none when absent. */
  rateLimiter?: RateLimiter;
  /** Longest wait for in-flight turns at shutdown (ms). */
  shutdownGraceMs?: number;
  /** How long /readyz waits for the storage ping (ms). */
  readyTimeoutMs?: number;
  /** Extra express routers (admin statistics, flow diagrams). */
  routers?: Router[];
  /** Guards of the staff preview at /preview (src/server/preview/); absent: no preview. */
  preview?: PreviewGuards;
  /** Timeouts, connection caps and turn admission (default DEFAULT_HTTP_LIMITS). */
  httpLimits?: HttpLimits;
  /** Runs after in-flight turns finished, before storage closes (e.g. flush analytics). */
  beforeStoreClose?: () => Promise<void>;
}

export interface BotServer {
  /** `http://host:port` actually bound. */
  url: string;
  port: number;
  server: Server;
  processor: TurnProcessor;
  /** Sends to a stored conversation outside any turn (src/bot-framework/proactive-sender.ts): the hand-off's messages. */
  sendProactive: SendProactive;
  /** Stops accepting, waits for in-flight turns (bounded), closes gate and storage. Idempotent. */
  close(): Promise<void>;
}

/** Starts the bot's HTTP server; resolves once it listens. */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { logger, store } = options;
  const isProcessed = store.isProcessed?.bind(store);
  const gate = options.gate ?? createMemoryTurnGate(isProcessed ? { isProcessed } : {});
  const localMode = options.auth.MicrosoftAppId === '';
  // In local mode only test tools can reach the bot: its conversations are tests (src/analytics/is-test-conversation.ts).
  const processor = createTurnProcessor({ ...options, isTestConversation: options.isTestConversation ?? createTestConversationRule(localMode) });
  const limits = options.httpLimits ?? DEFAULT_HTTP_LIMITS;
  const inFlight = createInFlight(limits.maxTurnsInFlight);
  let draining = false;
  const logic = createBotLogic(processor, gate, logger, options.rateLimiter);
  const channel = createCloudChannel(options.auth, logger, logic);
  const localRouters = createLocalTestRouters({
    appId: options.auth.MicrosoftAppId, logic, inFlight, isDraining: () => draining, logger, getRuntime: options.getRuntime, defaultLang: options.defaultLang,
  });
  const previewRouters = options.preview
    ? createPreviewRouters({ logic, inFlight, isDraining: () => draining, logger, getRuntime: options.getRuntime, defaultLang: options.defaultLang }, options.preview)
    : [];
  const routers = [...(options.routers ?? []), ...localRouters, ...previewRouters];
  const app = createApp({
    channel,
    inFlight,
    isDraining: () => draining,
    logger,
    localMode,
    limits,
    ...(routers.length > 0 ? { routers } : {}),
    isReady: async () => {
      if (!options.getRuntime()) return false;
      await withTimeout(store.ping(), options.readyTimeoutMs ?? 1_000, () => new Error('storage did not answer the readiness ping in time'));
      return true;
    },
  });

  const server = createServer(serverOptions(limits), app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  applyServerLimits(server, limits);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 11\r\n\r\nBad Request');
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await inFlight.drain(options.shutdownGraceMs ?? 15_000);
      if (!drained) logger.warn({ inFlight: inFlight.count() }, 'shutdown grace period over; closing anyway');
      server.closeAllConnections();
      await stopped;
      await options.beforeStoreClose?.().catch((error: unknown) => logger.warn({ error: nameError(error) }, 'shutdown hook failed'));
      const resources = [['gate', gate], ...(options.rateLimiter ? [['rate limiter', options.rateLimiter] as const] : []), ['storage', store]] as const;
      for (const [name, resource] of resources) {
        await resource.close().catch((error: unknown) => logger.warn({ error: nameError(error), resource: name }, 'close failed'));
      }
    })();
    return closing;
  };

  return { url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`, port, server, processor, sendProactive: channel.sendProactive!, close };
}
