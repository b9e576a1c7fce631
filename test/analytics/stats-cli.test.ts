/** `npm run stats` as a campaign manager runs it: a wrong --store path is named, never created. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../chat/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run stats -- --store', () => {
  it('says that a SQLite file does not exist and creates nothing', async () => {
    const missing = join(dir, 'no-such-folder', 'thinkfirst.db');
    const run = await runCli('stats.ts', ['--store', `sqlite:${missing}`], []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no statistics database at ${missing}`);
    expect(run.stderr).toContain('nothing was created');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
