/**
 * The real bot, in-process: the shipped content, NLU, scanner and engine behind the channel
 * layer's turn processor, with a memory store. Used by the terminal chat, the transcript
 * recorder and the transcript replay (no HTTP, no Azure).
 */
import { loadRuntime } from '../script/load-runtime';
import { loadSystemTexts, type SystemTexts } from '../channel/system-texts';
import { createTurnProcessor } from '../channel/turn-processor';
import type { AdvanceFn, InboundActivity, OutboundActivity } from '../channel/types';
import type { Runtime } from '../script/runtime';
import { advance } from '../engine/advance';
import { createLogger, type Logger } from '../log/logger';
import { LANGS, type Lang } from '../kernel/lang';
import { formatDiagnostic, sortDiagnostics } from '../kernel/diagnostic';
import { createMemoryStore } from '../storage/memory-store';
import { assertDialogExists, createAdvanceStartingAt } from './start-dialog';

/** Content loaded once; several bots (one per conversation or transcript) can share it. */
export interface LoadedContent {
  runtime: Runtime;
  system: SystemTexts;
}

export interface LocalBotOptions {
  /** Open this dialog instead of the welcome when a conversation starts. */
  dialog?: string;
  /** Language for users the bot knows nothing about and whose locale is not vi/fr/en. */
  defaultLang?: Lang;
  /** Where turn logs go (default: nowhere). */
  logger?: Logger;
}

/** One bot with its own memory: every conversation sent to it shares that memory. */
export interface LocalBot {
  runtime: Runtime;
  /** Runs one activity through the turn processor; resolves with the bot's replies, in order. */
  send(activity: InboundActivity): Promise<OutboundActivity[]>;
  /** The user's language after the last turn. */
  lang(): Lang;
  close(): Promise<void>;
}

/**
 * Loads and validates dialogs/, locales/, intents and scanner rules under `rootDir`.
 * @throws listing every content error (file:line:col), as `npm run validate` prints them.
 */
export function loadLocalContent(rootDir: string): LoadedContent {
  const { runtime, diagnostics } = loadRuntime(rootDir);
  if (!runtime) {
    const lines = sortDiagnostics(diagnostics).filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new Error(`the content under ${rootDir} has errors; fix them (npm run validate):\n${lines.join('\n')}`);
  }
  return { runtime, system: loadSystemTexts(rootDir) };
}

/** Creates a bot over already loaded content, with a fresh memory store. */
export function createLocalBot(content: LoadedContent, options: LocalBotOptions = {}): LocalBot {
  const { runtime, system } = content;
  if (options.dialog) assertDialogExists(runtime.content, options.dialog);
  const step: AdvanceFn = options.dialog ? createAdvanceStartingAt(advance, options.dialog) : advance;
  const store = createMemoryStore();
  const defaultLang = options.defaultLang ?? 'vi';
  let lang: Lang = defaultLang;
  const processor = createTurnProcessor({
    getRuntime: () => runtime,
    advance: step,
    store,
    logger: options.logger ?? createLogger('silent'),
    defaultLang,
    system,
  });
  return {
    runtime,
    async send(activity) {
      const outcome = await processor.processActivity(activity);
      lang = outcome.lang;
      return outcome.replies;
    },
    lang: () => lang,
    close: () => store.close(),
  };
}

/** Each language's name in itself (`system:language_names.<lang>`), e.g. `fr` -> "Français". */
export function readLanguageNames(system: SystemTexts): Record<Lang, string> {
  const names = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const own = (system[lang].language_names as Record<string, unknown> | undefined)?.[lang];
    if (typeof own !== 'string') throw new Error(`locales/${lang}/system.json: key 'language_names.${lang}' is missing; add the language's own name`);
    names[lang] = own;
  }
  return names;
}
