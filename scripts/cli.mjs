#!/usr/bin/env node
/**
 * Runs a compiled CLI: `node scripts/cli.mjs <name> [args…]` builds dist/ first when it is
 * missing or older than src/ (a child process: no build tool stays in the CLI's process),
 * then runs dist/cli/<name>.js with the remaining arguments. Every `npm run <cli>` uses it,
 * so the CLIs work the same after `npm ci --omit=dev` as in a development clone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const name = process.argv[2] ?? '';
const commands = () => readdirSync(join(ROOT, 'src', 'cli')).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).join(', ');
if (name === '' || name === '--help' || name === '-h') {
  process.stdout.write(`usage: node scripts/cli.mjs <command> [options]   (npm run <command> does this)\ncommands: ${commands()}\n`);
  process.exit(0);
}
const entry = join(ROOT, 'dist', 'cli', `${name}.js`);
const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!existsSync(entry)) {
  process.stderr.write(`cli: no command '${name}' (known: ${commands()})\n`);
  process.exit(2);
}
// The command sees the argv it would see if node ran dist/cli/<name>.js itself.
process.argv.splice(1, 2, entry);
await import(pathToFileURL(entry).href);
