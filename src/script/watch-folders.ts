/**
 * Watches folders, not files: every directory under the given roots gets its own
 * non-recursive watcher, and new sub-folders are picked up as they appear.
 *
 * Editors save atomically (write a temporary file, rename it over the original). A watcher
 * on a file, which is what Node 20's `recursive: true` sets up on Linux, follows the old
 * inode and goes silent after the first such save; a watcher on the folder sees every
 * rename into it, however many times it happens.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Every directory under `root` (itself included), depth first. */
function listFolders(root: string): string[] {
  const found = [root];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...listFolders(join(root, entry.name)));
  }
  return found;
}

/**
 * Calls `onEvent(path)` (the folder and file name that changed) for every change under
 * `roots`. Roots that do not exist are skipped.
 * @returns `close()` to stop every watcher
 */
export function watchFolders(roots: string[], onEvent: (path: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string): void => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const path = name ? join(dir, name.toString()) : dir;
        // A new folder (or one renamed into place) gets its own watcher.
        if (name && existsSync(path)) {
          try {
            for (const sub of listFolders(path)) add(sub);
          } catch {
            // Not a folder, or gone again: nothing to add.
          }
        }
        onEvent(path);
      });
    } catch {
      return; // The folder vanished between listing and watching.
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };
  for (const root of roots.filter((r) => existsSync(r))) for (const dir of listFolders(root)) add(dir);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
