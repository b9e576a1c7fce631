/**
 * Live reload for `npm run dev`: watches dialogs/ and locales/, reloads after edits settle,
 * hands over valid content, and reports invalid edits while the last valid content keeps
 * serving (the caller simply keeps what it had).
 */
import { join, relative } from 'node:path';
import type { Content } from '../engine/types';
import type { Diagnostic } from '../kernel/diagnostic';
import { loadValidatedContent } from './validate-project';
import { watchFolders } from './watch-folders';

/** Quiet time after the last file event before reloading (editors write files in bursts). */
export const WATCH_DEBOUNCE_MS = 150;

/**
 * Watches the content of `rootDir`.
 * Every folder under dialogs/ and locales/ is watched (not the files), so atomic saves
 * (write a temporary file, rename it over the original) keep being noticed.
 * @param onChange called with the new content after each valid edit (dialogs, locales, intents, scanner rules),
 *   and the content files whose change triggered it (project-relative)
 * @param onInvalid called with the diagnostics of an invalid edit (errors and warnings)
 * @returns `close()` to stop watching
 */
export function watchContent(
  rootDir: string,
  onChange: (content: Content, changed: string[]) => void,
  onInvalid: (diagnostics: Diagnostic[]) => void,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const reload = () => {
    timer = undefined;
    const files = [...changed].sort();
    changed = new Set();
    let result: ReturnType<typeof loadValidatedContent>;
    try {
      result = loadValidatedContent(rootDir);
    } catch (err) {
      // A file deleted between listing and reading: the next event reloads again.
      onInvalid([{ severity: 'error', file: rootDir, line: 1, col: 1, path: '', message: `content could not be read: ${(err as Error).message}` }]);
      return;
    }
    if (!result.content) return onInvalid(result.diagnostics);
    onChange(result.content, files);
  };
  const schedule = (path: string) => {
    // Editors' temporary and backup files (.x.swp, x~, .#x) are not content.
    const name = path.split(/[\\/]/).pop() ?? '';
    if (/\.(ya?ml|json|md|tsv)$/.test(name) && !name.startsWith('.')) changed.add(relative(rootDir, path).split('\\').join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, WATCH_DEBOUNCE_MS);
  };
  const watcher = watchFolders(['dialogs', 'locales'].map((d) => join(rootDir, d)), schedule);
  return {
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher.close();
    },
  };
}
