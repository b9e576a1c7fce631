/** Builds dist/ when it is older than src/, so benchmarks measure the production build. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Runs `node scripts/build.mjs --if-stale`; throws with its output when the build fails. */
export function ensureBuilt(): void {
  const build = spawnSync(process.execPath, [resolve(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bench: the build failed:\n${build.stdout}${build.stderr}`);
}
