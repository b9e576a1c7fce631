/**
 * `npm run transcript -- --update`: after a content change, every transcript is re-recorded
 * from its own inputs, with a readable diff; the re-recorded transcript then replays cleanly.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './locale-text';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-rerecord-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run transcript -- --update', () => {
  it('re-records a transcript after a text changed, shows the change, and the result replays', async () => {
    for (const sub of ['dialogs', 'locales']) cpSync(join(REPO_ROOT, sub), join(dir, sub), { recursive: true });
    const file = join(dir, 'vi-quiz.transcript');
    cpSync(join(REPO_ROOT, 'test', 'transcripts', 'vi-quiz.transcript'), file);
    const menu = join(dir, 'locales', 'vi', 'menu.json');
    const oldText = (JSON.parse(readFileSync(menu, 'utf8')) as { intro: { text: string } }).intro.text;
    writeFileSync(menu, readFileSync(menu, 'utf8').replace(oldText, 'Bạn muốn làm gì tiếp theo?'));

    const failing = await runCli('transcript.ts', ['--content', dir, file], []);
    expect(failing.code).toBe(1);

    const dry = await runCli('transcript.ts', ['--update', '--dry-run', '--content', dir, file], []);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would update  ${file}`);
    expect(dry.stdout).toContain(`  - ${oldText}`);
    expect(dry.stdout).toContain('  + Bạn muốn làm gì tiếp theo?');
    expect(readFileSync(file, 'utf8')).not.toContain('Bạn muốn làm gì tiếp theo?');

    const update = await runCli('transcript.ts', ['--update', '--content', dir, file], []);
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/updated {2}.*vi-quiz\.transcript \(\d+ turn\(s\) changed\)/);
    const replay = await runCli('transcript.ts', ['--content', dir, file], []);
    expect(replay.stdout).toMatch(/^ok {4}.*vi-quiz\.transcript/);
    expect(replay.code).toBe(0);
  }, 120_000);
});
