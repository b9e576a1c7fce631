/**
 * A network namespace with only loopback up (`unshare -n`), for tests whose processes could
 * otherwise reach the internet (a web page's CDN fonts, a serviceUrl the bot did not choose).
 * Processes join it with `nsenter`; Chromium joins it through a small wrapper script, so
 * Playwright still drives it over its pipe from outside. Needs root (CI runs as root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoopbackNamespace {
  /** `[command, args]` that run `command args…` inside the namespace (nsenter execs it: same pid). */
  wrap(command: string, args: string[]): [string, string[]];
  /** An executable that starts `binary` inside the namespace with the arguments it is given. */
  wrapperFor(binary: string): string;
  /** Ends the namespace's holder process and removes the wrappers. */
  close(): void;
}

/** True when this process may create namespaces (root with unshare, nsenter and ip). */
export function canCreateLoopbackNamespace(): boolean {
  const probe = spawnSync('unshare', ['--net', '--', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
  return probe.status === 0 && spawnSync('nsenter', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Creates the namespace: a holder process (`cat` on a pipe, so it ends with this process) keeps it alive. */
export async function createLoopbackNamespace(): Promise<LoopbackNamespace> {
  const holder: ChildProcess = spawn('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && echo ready && exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`unshare --net failed (exit ${code}): run as root with util-linux and iproute2 installed`)));
  });
  const netns = `--net=/proc/${holder.pid}/ns/net`;
  const dir = mkdtempSync(join(tmpdir(), 'loopback-ns-'));
  let wrappers = 0;
  return {
    wrap: (command, args) => ['nsenter', [netns, '--', command, ...args]],
    wrapperFor(binary) {
      const path = join(dir, `wrapper-${++wrappers}`);
      writeFileSync(path, `#!/bin/sh\nexec nsenter ${netns} -- ${binary} "$@"\n`);
      chmodSync(path, 0o755);
      return path;
    },
    close() {
      holder.stdin?.end();
      holder.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
