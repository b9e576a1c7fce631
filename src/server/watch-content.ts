/**
 * `npm run dev`: live reload of dialogs/ and locales/ through src/script/watch-content.ts.
 * Invalid edits are reported and the last valid content keeps running.
 */
import type { Content } from '../engine/types';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import type { Diagnostic } from '../kernel/diagnostic';
import { watchContent } from '../script/watch-content';

/**
 * Starts watching the content folders.
 * @param apply installs new valid content (rebuilds recogniser and scanner).
 */
export function watchProjectContent(
  rootDir: string,
  logger: Logger,
  apply: (content: Content) => void,
  report: (diagnostics: Diagnostic[]) => void,
): { close(): void } {
  const watcher = watchContent(
    rootDir,
    (content, files) => {
      try {
        apply(content);
        logger.info({ version: content.version, files }, 'content reloaded');
      } catch (error) {
        logger.error({ error: nameError(error) }, 'content reload failed; keeping the previous content');
      }
    },
    (diagnostics) => {
      report(diagnostics);
      logger.warn({ errors: diagnostics.filter((d) => d.severity === 'error').length }, 'content has errors; keeping the previous content');
    },
  );
  logger.info('watching the folders dialogs/ and locales/ for changes (each reload is logged)');
  return watcher;
}
