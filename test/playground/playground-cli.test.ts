/** `npm run playground`'s command line: help, and clear one-line refusals before anything starts. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/playground';
import { playgroundCli } from '../../src/playground/start-playground';
import { existsSync } from 'node:fs';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  return { stream: new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) }), text: () => text };
}

describe('npm run playground (command line)', () => {
  it('prints its usage with the three channel modes for --help, and exits 0', async () => {
    const out = sink();
    expect(await run(['--help'], out.stream, sink().stream)).toBe(0);
    for (const mode of ['webchat', 'emulator', 'msteams']) expect(out.text()).toContain(mode);
  });

  it('refuses an unknown channel, a bad port and an unknown option in one line each, exit 2', async () => {
    for (const argv of [['--channel', 'telegram'], ['--port', 'abc'], ['--colour']]) {
      const err = sink();
      expect(await run(argv, sink().stream, err.stream), argv.join(' ')).toBe(2);
      expect(err.text().split('\n')[0]).toMatch(/^playground: /);
    }
  });

  it('finds the Playground installed as a devDependency', () => {
    expect(existsSync(playgroundCli(process.cwd()))).toBe(true);
  });
});
