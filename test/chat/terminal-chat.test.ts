/**
 * `npm run chat` as a tester scripts it: `npx tsx src/cli/chat.ts` with lines piped on stdin,
 * talking to the real bot (shipped content, NLU, engine). Texts are compared with locales/.
 */
import { describe, expect, it } from 'vitest';
import { readLocaleText } from './locale-text';
import { runCli } from './run-cli';

/** The first line of a text as the chat prints it, after `bot> `. */
const said = (lang: string, key: string) => `bot> ${readLocaleText(lang, key).split('\n')[0]}`;

describe('terminal chat', () => {
  it('shows choices as numbered options, takes a number or free text, shows /debug and quits', async () => {
    const run = await runCli('chat.ts', ['--lang', 'en'], ['3', '/debug', 'menu', '1', '/quit', 'never read']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(said('en', 'welcome:intro.text'));
    expect(out).toMatch(/^ +1\) Tiếng Việt\n +2\) Français\n +3\) English$/m);
    expect(out).toContain('you> 3');
    expect(out).toContain(said('en', 'menu:intro.text'));
    // The menu's items are numbered (its length changes as topics are added).
    expect(out).toMatch(new RegExp(`^ +\\d+\\) ${readLocaleText('en', 'menu:intro.choices.language')}$`, 'm'));
    expect(out).toMatch(/\[debug\] intent=menu score=\d\.\d\d lang=/);
    expect(out).toMatch(/\[debug\] button 1: \{"choice":"warning_signs"\}/);
    expect(out).toContain(said('en', 'warning-signs:pay.intro'));
    expect(out).not.toContain('never read');
  }, 60_000);

  it('switches language with /lang, restarts with /restart and ends at end of input', async () => {
    const run = await runCli('chat.ts', ['--lang', 'en'], ['3', '/lang fr', '/restart']);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('you> /lang fr');
    expect(out).toContain(said('fr', 'language:choose.question'));
    const restart = out.indexOf('[new conversation]');
    expect(restart).toBeGreaterThan(0);
    expect(out.slice(restart)).toContain(said('fr', 'welcome:intro.text'));
  }, 60_000);

  it('starts in the dialog given by --dialog, in the language given by --lang', async () => {
    const run = await runCli('chat.ts', ['--lang', 'vi', '--dialog', 'check-offer'], []);
    expect(run.code).toBe(0);
    expect(run.stdout.trimStart().startsWith(said('vi', 'check-offer:intro.text'))).toBe(true);
    expect(run.stdout).not.toContain(said('vi', 'welcome:intro.text'));
  }, 60_000);

  it('refuses a bad option or an unknown dialog with a message saying what to use', async () => {
    const badLang = await runCli('chat.ts', ['--lang', 'de'], []);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr.trim()).toBe("chat: --lang must be one of vi, fr, en (got 'de') (npm run chat -- --help shows the usage)");
    const badDialog = await runCli('chat.ts', ['--dialog', 'no-such-dialog'], []);
    expect(badDialog.code).toBe(1);
    expect(badDialog.stderr).toMatch(/unknown dialog 'no-such-dialog' \(known: .*check-offer.*\)/);
  }, 60_000);
});
