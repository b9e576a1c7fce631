/**
 * Runs a CLI as `npm run` does (the compiled dist/cli/<name>.js; test/global-setup.ts builds
 * it), lines piped on stdin, and collects what it prints.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './locale-text';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node dist/cli/<script as .js> ...args` with `lines` on stdin (then end of input). */
export function runCli(script: string, args: string[], lines: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli', script.replace(/\.ts$/, '.js')), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}
