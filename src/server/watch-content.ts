/**
 * `npm run dev`: live reload of dialogs/ and locales/ through src/script/watch-content.ts
 * (owned by the script module). Invalid edits are reported and the last valid content keeps running.
 */
import type { Content } from '../engine/types';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { Diagnostic } from '../script/diagnostic';

type WatchContent = (rootDir: string, onChange: (content: Content) => void, onInvalid: (diagnostics: Diagnostic[]) => void) => unknown;

/**
 * Starts watching when the watcher module exists; logs a warning otherwise.
 * @param apply installs new valid content (rebuilds recogniser and scanner).
 */
export async function watchContentIfAvailable(
  rootDir: string,
  logger: Logger,
  apply: (content: Content) => void,
  report: (diagnostics: Diagnostic[]) => void,
): Promise<void> {
  const modulePath = '../script/watch-content';
  const mod = (await import(/* @vite-ignore */ modulePath).catch(() => null)) as { watchContent?: WatchContent } | null;
  if (!mod?.watchContent) {
    logger.warn('--watch-content: src/script/watch-content.ts is not available; content will not reload');
    return;
  }
  mod.watchContent(
    rootDir,
    (content) => {
      try {
        apply(content);
        logger.info({ version: content.version }, 'content reloaded');
      } catch (error) {
        logger.error({ error: nameError(error) }, 'content reload failed; keeping the previous content');
      }
    },
    (diagnostics) => {
      report(diagnostics);
      logger.warn({ errors: diagnostics.filter((d) => d.severity === 'error').length }, 'content has errors; keeping the previous content');
    },
  );
  logger.info('watching dialogs/ and locales/ for changes');
}
