/**
 * Composition root: config -> content -> storage -> bot -> server. `npm start` runs this file.
 * Exits 1 with a clear message on bad configuration or invalid content; exits 0 after SIGTERM/SIGINT.
 */
import { resolve } from 'node:path';
import { createTestConversationRule } from './analytics/is-test-conversation';
import { createAnalyticsRecorder } from './analytics/recorder';
import { buildRuntime, loadRuntime, type LoadedRuntime } from './script/load-runtime';
import { COMPILED_BUILD } from './script/compiled-build';
import { loadSystemTexts } from './channel/system-texts';
import type { Runtime } from './script/runtime';
import { ConfigError, loadConfig } from './config';
import { advance } from './engine/advance';
import { createLogger, nameError, type Logger } from './log/logger';
import { createLogDestination } from './log/log-destination';
import { createPrettyDestination } from './log/pretty-lines';
import { reportDroppedLogs } from './log/report-dropped';
import { routeConsoleToLogger } from './log/route-console';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './kernel/diagnostic';
import { createAdminRouter, createFlowsRouter } from './server/admin-routes';
import { createDashboardRouter } from './server/admin/create-dashboard-router';
import { createPreviewGuards } from './server/preview/create-preview-routers';
import { startBotServer } from './server/create-bot-server';
import { describeCauses } from './storage/errors';
import { describeRedisHost, openStorage } from './storage/open-storage';
import { configuredIdSecret, createDeferredIdHasher, loadIdSecretInBackground } from './storage/id-secret';
import { createStaffAuth } from './staff/staff-auth';
import { createHandoffService } from './handoff/handoff-service';
import { parseSchedule } from './handoff/hours';
import { createInboxRouter } from './handoff/inbox-router';
import { watchProjectContent } from './server/watch-content';

/** Prints content problems, one line each, the way `npm run validate` does. */
function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Says why the content was validated and the recogniser trained in process instead of read from the runtime cache. */
function reportCacheMiss(logger: Logger, cache: LoadedRuntime['cache'], ms: number): void {
  const took = Math.round(ms);
  if (cache === 'none') logger.debug({ ms: took }, 'content validated and recogniser trained in process (running from src/)');
  else if (cache === 'stale') logger.info({ ms: took }, 'dialogs/ or locales/ changed since npm run build: content validated and recogniser trained in process (npm run build caches them again for a faster start)');
  else if (cache !== 'used') logger.info({ ms: took, cache }, 'no usable runtime cache in dist/: content validated and recogniser trained in process (npm run build writes it)');
}

/** Keeps the process alive on stray errors: nothing a client sends may stop the bot. */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (error) => logger.error({ error: nameError(error) }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ error: nameError(error) }, 'uncaught exception'));
}

/** Warns at once (then at most every 30 s) while Redis cannot be reached, naming host and port only. */
function warnRedisUnreachable(logger: Logger, url: string): (errorName: string) => void {
  const where = describeRedisHost(url);
  let last = 0;
  return (errorName) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    logger.warn({ error: errorName, redis: where }, `Redis at ${where} is unreachable: turns answer "temporarily unavailable" until it is back (check STORAGE_URL and that Redis runs)`);
  };
}

async function main(): Promise<void> {
  const bootStarted = performance.now();
  /** Milliseconds of each start-up phase, for the debug line once listening. */
  const phases: Record<string, number> = {};
  let phaseStarted = bootStarted;
  const endPhase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStarted);
    phaseStarted = now;
  };
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`thinkfirst: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logDestination = createLogDestination();
  // Readable lines for a person at a terminal; JSON lines for pipes, files and log collectors.
  const pretty = config.log.format === 'pretty' || (config.log.format === 'auto' && process.stdout.isTTY === true);
  const logger = createLogger(config.log.level, pretty ? createPrettyDestination(logDestination, process.stdout.isTTY === true) : logDestination);
  const stopDroppedReport = reportDroppedLogs(logger, logDestination);
  const restoreConsole = routeConsoleToLogger(logger);
  const stopLogReport = () => {
    restoreConsole();
    stopDroppedReport();
  };
  guardProcess(logger);
  const rootDir = resolve(config.content.dir);

  // The runtime cached by `npm run build` (dist/runtime-cache.bin), when the content did not change since.
  endPhase('config');
  const cacheFile = COMPILED_BUILD ? resolve(import.meta.dirname, '..', 'dist', 'runtime-cache.bin') : undefined;
  const loadStarted = performance.now();
  const loaded = loadRuntime(rootDir, cacheFile);
  reportCacheMiss(logger, loaded.cache, performance.now() - loadStarted);
  endPhase('content');
  if (!loaded.runtime) {
    printDiagnostics(loaded.diagnostics);
    process.stderr.write('thinkfirst: the content in dialogs/ and locales/ has errors (above); fix them, then start again (npm run validate checks them).\n');
    process.exit(1);
  }
  let runtime: Runtime = loaded.runtime;
  const { store, gate, rateLimiter } = await openStorage(config, process.cwd(), warnRedisUnreachable(logger, config.storage.url));
  endPhase('storage');
  const ids = createDeferredIdHasher();
  const stopSecretLoad = loadIdSecretInBackground(store, configuredIdSecret(config.log, logger), (secret) => ids.setSecret(secret),
    (errorName) => logger.warn({ error: errorName }, 'id secret not loaded yet: storage did not answer; retrying'));
  // Staff sign-in (hand-off inbox, dashboard): sessions in the bot's storage; Secure cookies behind HTTPS.
  const staffAuth = createStaffAuth({ store, logger, secureCookies: !config.localMode });
  const analytics = createAnalyticsRecorder({
    store,
    getContent: () => runtime.content,
    onError: (error) => logger.warn({ error: error.name }, 'analytics flush failed'),
  });

  const system = loadSystemTexts(rootDir);
  // Talking to a person (docs/counsellor-guide.md): the inbox, or the hand-off protocol.
  const handoff = createHandoffService({
    mode: config.handoff.mode,
    waitMs: config.handoff.waitMs,
    schedule: parseSchedule(config.handoff.hours),
    retentionDays: config.retention.stateTtlDays,
    store,
    gate,
    logger,
    ids,
    getRuntime: () => runtime,
    advance,
    system,
    onEvents: (events, lang) => analytics.record(events, lang, { test: config.localMode }),
  });

  const bot = await startBotServer({
    auth: config.auth,
    host: config.server.host,
    port: config.server.port,
    system,
    getRuntime: () => runtime,
    handoff: handoff.hooks,
    advance,
    store,
    logger,
    defaultLang: config.content.defaultLang,
    ids,
    onEvents: (events, lang, meta) => analytics.record(events, lang, meta),
    isTestConversation: createTestConversationRule(config.localMode),
    shutdownGraceMs: config.server.shutdownGraceMs,
    httpLimits: config.http,
    preview: createPreviewGuards(staffAuth.requireStaff),
    gate,
    rateLimiter,
    beforeStoreClose: async () => {
      handoff.stop();
      await analytics.close();
    },
    routers: [
      staffAuth.router,
      ...(config.handoff.mode === 'inbox' ? [createInboxRouter({ service: handoff, requireStaff: staffAuth.requireStaff, logger, ids })] : []),
      createAdminRouter({
        store,
        token: config.stats.adminToken,
        minCount: config.stats.minCount,
        getContent: () => runtime.content,
        beforeRead: () => analytics.flush(),
        onError: (error) => logger.warn({ error: error.name }, 'statistics read failed'),
      }),
      createDashboardRouter({
        store,
        requireStaff: staffAuth.requireStaff,
        minCount: config.stats.minCount,
        getContent: () => runtime.content,
        getExperiments: () => runtime.experiments ?? [],
        beforeRead: () => analytics.flush(),
        onError: (error) => logger.warn({ error: error.name }, 'statistics read failed'),
      }),
      // Flow diagrams show the whole script: local mode only.
      ...(config.localMode ? [createFlowsRouter({ getContent: () => runtime.content, rootDir })] : []),
    ],
  });

  endPhase('server');
  handoff.setSender(bot.sendProactive);
  handoff.start();

  if (config.watchContent) {
    watchProjectContent(rootDir, logger, (content) => {
      runtime = buildRuntime(rootDir, content);
    }, printDiagnostics);
  }

  const host = config.server.host;
  const storage = config.storage.url.split(':')[0];
  const base = `http://${config.localMode ? 'localhost' : host}:${bot.port}`;
  const where = `${base}/api/messages`;
  logger.debug({ ...phases, totalMs: Math.round(performance.now() - bootStarted), logFormat: pretty ? 'pretty' : 'json' }, 'start-up timings (ms)');
  if (config.localMode) {
    logger.info({ port: bot.port, host, storage },
      `local mode (MicrosoftAppId is empty): listening on 127.0.0.1 only, HOST is ignored. Bot Framework Emulator: open ${where} with App ID and password left empty. Web chat: ${base}/chat, flow diagrams: ${base}/flows`);
  } else {
    logger.info({ port: bot.port, host, storage }, `listening on ${where} with Bot Framework authentication`);
  }

  // A second signal (npm, tsx or a process manager relaying the first) must not kill the
  // process mid-shutdown: the handlers stay, and shutdown runs once.
  let stopping = false;
  const shutdown = (signal: string) => {
    stopSecretLoad();
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new turns, waiting for in-flight turns');
    bot.close().then(
      () => {
        stopLogReport();
        logger.info('stopped');
        void logDestination.flush().then(() => process.exit(0));
      },
      (error: unknown) => {
        stopLogReport();
        logger.error({ error: nameError(error) }, 'shutdown failed');
        void logDestination.flush().then(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // The message says what, where and how to fix; the cause names what the driver or socket reported.
  const cause = error instanceof Error && error.cause !== undefined ? ` (cause: ${describeCauses(error.cause)})` : '';
  process.stderr.write(`thinkfirst: start-up failed: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
  process.exit(1);
});
