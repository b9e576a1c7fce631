/**
 * Composition root: config -> content -> storage -> bot -> server. `npm start` runs this file.
 * Exits 1 with a clear message on bad configuration or invalid content; exits 0 after SIGTERM/SIGINT.
 */
import { resolve } from 'node:path';
import { createAnalyticsRecorder } from './analytics/recorder';
import { buildRuntime, loadRuntime } from './channel/load-runtime';
import { loadSystemTexts } from './channel/system-texts';
import type { Runtime } from './channel/types';
import { ConfigError, loadConfig } from './config';
import { advance } from './engine/advance';
import { createLogger, nameError, type Logger } from './log/logger';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './script/diagnostic';
import { createAdminRouter, createFlowsRouter } from './server/admin-routes';
import { startBotServer } from './server/create-bot-server';
import { createTurnGate } from './storage/create-gate';
import { createStore } from './storage/create-store';
import { createRateLimiter } from './storage/rate-limit-create';
import { createStaffAuth } from './staff/staff-auth';
import { createProactiveSender } from './bot-framework/proactive-sender';
import { createHandoffService } from './handoff/handoff-service';
import { parseSchedule } from './handoff/hours';
import { createInboxRouter } from './handoff/inbox-router';
import { watchProjectContent } from './server/watch-content';

/** Prints content problems, one line each, the way `npm run validate` does. */
function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of sortDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Keeps the process alive on stray errors: nothing a client sends may stop the bot. */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (error) => logger.error({ error: nameError(error) }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ error: nameError(error) }, 'uncaught exception'));
}

async function main(): Promise<void> {
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
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  const rootDir = resolve(config.contentDir);

  const loaded = loadRuntime(rootDir);
  if (!loaded.runtime) {
    printDiagnostics(loaded.diagnostics);
    process.stderr.write('thinkfirst: the content in dialogs/ and locales/ has errors (above); fix them, then start again (npm run validate checks them).\n');
    process.exit(1);
  }
  let runtime: Runtime = loaded.runtime;
  const store = await createStore(config.storageUrl, process.cwd());
  const gate = createTurnGate(config.storageUrl);
  const rateLimiter = await createRateLimiter(config.storageUrl);
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
    retentionDays: config.stateTtlDays,
    store,
    gate,
    logger,
    logIdSalt: config.logIdSalt,
    getRuntime: () => runtime,
    advance,
    system,
    onEvents: (events, lang) => analytics.record(events, lang),
  });

  const bot = await startBotServer({
    auth: config.auth,
    host: config.host,
    port: config.port,
    system,
    getRuntime: () => runtime,
    handoff: handoff.hooks,
    advance,
    store,
    logger,
    defaultLang: config.defaultLang,
    logIdSalt: config.logIdSalt,
    onEvents: (events, lang) => analytics.record(events, lang),
    shutdownGraceMs: config.shutdownGraceMs,
    gate,
    rateLimiter,
    beforeStoreClose: async () => {
      handoff.stop();
      await analytics.close();
    },
    routers: [
      staffAuth.router,
      ...(config.handoff.mode === 'inbox' ? [createInboxRouter({ service: handoff, requireStaff: staffAuth.requireStaff, logger, logIdSalt: config.logIdSalt })] : []),
      createAdminRouter({
        store,
        token: config.adminToken,
        minCount: config.statsMinCount,
        getContent: () => runtime.content,
        beforeRead: () => analytics.flush(),
        onError: (error) => logger.warn({ error: error.name }, 'statistics read failed'),
      }),
      // Flow diagrams show the whole script: local mode only.
      ...(config.localMode ? [createFlowsRouter({ getContent: () => runtime.content })] : []),
    ],
  });

  handoff.setSender(createProactiveSender(bot.adapter, config.auth.MicrosoftAppId));
  handoff.start();

  if (config.watchContent) {
    watchProjectContent(rootDir, logger, (content) => {
      runtime = buildRuntime(rootDir, content);
    }, printDiagnostics);
  }

  const where = `http://${config.localMode ? 'localhost' : config.host}:${bot.port}/api/messages`;
  if (config.localMode) {
    logger.info({ port: bot.port, host: config.host, storage: config.storageUrl.split(':')[0] },
      `local mode (MicrosoftAppId is empty): listening on 127.0.0.1 only, HOST is ignored. Bot Framework Emulator: open ${where} with App ID and password left empty.`);
  } else {
    logger.info({ port: bot.port, host: config.host, storage: config.storageUrl.split(':')[0] }, `listening on ${where} with Bot Framework authentication`);
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: no new turns, waiting for in-flight turns');
    bot.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ error: nameError(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`thinkfirst: start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
