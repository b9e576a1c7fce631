/**
 * Opens the store that `npm run stats` reads. Reading statistics must never create a
 * database: a SQLite path that does not exist is refused with what to check.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStore, type StoreOptions } from '../storage/create-store';
import type { StateStore } from '../storage/types';

/**
 * Opens `url` for reading statistics (`options`: retention and Redis settings, base folder).
 * @throws when `url` is `sqlite:<path>` and no file exists at that path, naming the path
 *   and where the bot writes by default.
 */
export async function openStatsStore(url: string, options: StoreOptions = {}): Promise<StateStore> {
  const baseDir = options.baseDir ?? process.cwd();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path !== '' && path !== ':memory:' && !existsSync(resolve(baseDir, path))) {
      throw new Error(
        `no statistics database at ${resolve(baseDir, path)} (from --store ${url}): check the path. ` +
          'The bot writes sqlite:./data/thinkfirst.db by default, relative to the folder it runs in; nothing was created.',
      );
    }
  }
  return createStore(url, { ...options, baseDir });
}
