/**
 * Live reload for `npm run dev`: watches dialogs/ and locales/, reloads after edits settle,
 * hands over valid content, and reports invalid edits while the last valid content keeps
 * serving (the caller simply keeps what it had).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../engine/types';
import type { Diagnostic } from './diagnostic';
import { loadValidatedContent } from './validate-project';

/** Quiet time after the last file event before reloading (editors write files in bursts). */
export const WATCH_DEBOUNCE_MS = 150;

/**
 * Watches the content of `rootDir`.
 * @param onChange called with the new content after each valid edit (dialogs, locales, intents, scanner rules)
 * @param onInvalid called with the diagnostics of an invalid edit (errors and warnings)
 * @returns `close()` to stop watching
 */
export function watchContent(
  rootDir: string,
  onChange: (content: Content) => void,
  onInvalid: (diagnostics: Diagnostic[]) => void,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    let result: ReturnType<typeof loadValidatedContent>;
    try {
      result = loadValidatedContent(rootDir);
    } catch (err) {
      // A file deleted between listing and reading: the next event reloads again.
      onInvalid([{ severity: 'error', file: rootDir, line: 1, col: 1, path: '', message: `content could not be read: ${(err as Error).message}` }]);
      return;
    }
    if (!result.content) return onInvalid(result.diagnostics);
    onChange(result.content);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, WATCH_DEBOUNCE_MS);
  };
  const watchers: FSWatcher[] = ['dialogs', 'locales']
    .map((d) => join(rootDir, d))
    .filter((dir) => existsSync(dir))
    .map((dir) => watch(dir, { recursive: true }, schedule));
  return {
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const w of watchers) w.close();
    },
  };
}
