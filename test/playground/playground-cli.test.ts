/** `npm run playground`'s command line: help, and clear one-line refusals before anything starts. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/playground';
import { playgroundCli } from '../../src/playground/start-playground';
import { runCommandInProcess } from '../helpers/run-command';

describe('npm run playground (command line)', () => {
  it('prints its usage with the three channel modes for --help, and exits 0', async () => {
    const help = await runCommandInProcess(run, ['--help']);
    expect(help.code).toBe(0);
    for (const mode of ['webchat', 'emulator', 'msteams']) expect(help.stdout).toContain(mode);
  });

  it('refuses an unknown channel, a bad port and an unknown option in one line each, exit 2', async () => {
    for (const argv of [['--channel', 'telegram'], ['--port', 'abc'], ['--colour']]) {
      const refused = await runCommandInProcess(run, argv);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/^playground: .*(telegram|abc|--colour)/);
    }
  });

  it('finds the Playground installed as a devDependency', () => {
    expect(existsSync(playgroundCli(process.cwd()))).toBe(true);
  });
});
