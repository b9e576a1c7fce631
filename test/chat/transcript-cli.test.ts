/**
 * `npm run transcript -- --from-chat` records a piped terminal-chat session in the Emulator's
 * format, and `npm run transcript -- FILE` replays it: recorded, then replayed without a difference.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/chat/transcript-file';
import { readLocaleText } from './locale-text';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run transcript', () => {
  it('records a chat session as Emulator activities that replay cleanly', async () => {
    const out = join(dir, 'fr-menu.transcript');
    const recorded = await runCli('transcript.ts', ['--from-chat', '--lang', 'fr', '--out', out], ['2', 'quiz']);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain(`activities to ${out}`);
    const activities = parseTranscript(readFileSync(out, 'utf8'), out);
    expect(activities[0]).toMatchObject({ type: 'conversationUpdate', channelId: 'emulator', locale: 'fr-FR' });
    const user = activities.filter((a) => a.from?.role === 'user' && a.type === 'message');
    expect(user.map((a) => a.text)).toEqual(['Français', 'quiz']);
    expect(user[0]!.value).toEqual({ choice: 'fr' });
    const bot = activities.filter((a) => a.from?.role === 'bot');
    expect(bot.map((a) => a.text)).toContain(readLocaleText('fr', 'menu:intro.text'));
    for (const activity of activities) expect(activity).toMatchObject({ id: expect.any(String), timestamp: expect.any(String), conversation: { id: expect.any(String) } });

    const replayed = await runCli('transcript.ts', [out], []);
    expect(replayed.stdout).toContain(`ok    ${out} (3 turns)`);
    expect(replayed.code).toBe(0);
  }, 60_000);
});
