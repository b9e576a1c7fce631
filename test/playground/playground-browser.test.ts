/**
 * `npm run playground` as NGO staff use it: the bot and the real Microsoft 365 Agents Playground,
 * driven in headless Chromium, in webchat, emulator and msteams modes. Everything runs in a
 * loopback-only network namespace (the Playground's page asks for CDN fonts; nothing may leave
 * the machine). In each mode: the welcome comes in DEFAULT_LANG, a first "hello" brings it in
 * English, the language buttons are visible and a tap picks English, the danger reply shows each
 * line (and so each number) on its own line, and a pasted job ad gets its report. SIGTERM then
 * stops the bot and the Playground, so the next mode starts on the same ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '../../src/channel/create-translator';
import { loadRuntime } from '../../src/script/load-runtime';
import { loadSystemTexts } from '../../src/channel/system-texts';
import { REPO_ROOT } from '../chat/locale-text';
import { canCreateLoopbackNamespace, createLoopbackNamespace, type LoopbackNamespace } from '../helpers/loopback-namespace';

const CHROMIUM = '/usr/bin/chromium';
const canRun = (existsSync(CHROMIUM) && canCreateLoopbackNamespace()) || Boolean(process.env.CI);
if (!canRun) console.warn(`Playground browser test skipped: needs ${CHROMIUM} (apt-get install chromium) and root for unshare -n; in CI it always runs`);

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A bot reply can take a while on a loaded 2-core machine: the first turn trains nothing, but CI is busy. */
const REPLY_TIMEOUT = 30_000;
const AD = 'Urgent hiring: office staff in Cambodia, salary 2000 USD per month, no experience needed, the company pays your flight ticket. Processing fee 100 USD. Contact us on Telegram.';
const DANGER = 'I am locked in a building, they took my passport and they beat me. Please help';

let ns: LoopbackNamespace;
let browser: Browser;
let t: Translate;

/** Lines as a person reads them: blank lines dropped, typographic quotes straightened, spaces trimmed. */
function lines(text: string): string[] {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').split('\n').map((l) => l.trim()).filter(Boolean);
}
const firstLine = (text: string) => lines(text)[0]!;

/** `text` as a pattern that also matches the typographic quotes a Markdown renderer may put in. */
function shown(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['’]").replace(/"/g, '["“”]'));
}

/** A bot message bubble (Web Chat or the Teams-style chat) containing `text`, the newest one. */
function bubble(page: Page, text: string) {
  return page.locator(':is(.webchat__bubble__content, .fai-OutputCard)', { hasText: shown(text) }).last();
}

/** The rendered lines of the newest bubble containing `text`, once it is shown. */
async function shownLines(page: Page, text: string): Promise<string[]> {
  const found = bubble(page, text);
  await found.waitFor({ timeout: REPLY_TIMEOUT });
  return lines(await found.innerText());
}

/**
 * The lines a bubble shows for the campaign text `text`, from its first line on, as many as the
 * text has (a dialog may join several texts into one message).
 */
async function shownLinesOf(page: Page, text: string): Promise<string[]> {
  const expected = lines(text);
  const shown = await shownLines(page, expected[0]!);
  const start = shown.findIndex((line) => line === expected[0]);
  return start < 0 ? shown : shown.slice(start, start + expected.length);
}

/** The newest visible button titled exactly `title` (suggested action or card button). */
function button(page: Page, title: string) {
  return page.locator('button:visible', { hasText: new RegExp(`^\\s*${title}\\s*$`) }).last();
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

/** Starts `npm run playground`'s command inside the namespace; resolves with the Playground's URL once both are up. */
async function startPlaygroundCommand(channel: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const [command, args] = ns.wrap(process.execPath, ['--import', 'tsx', 'src/cli/playground.ts', '--channel', channel]);
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // The defaults a newcomer gets (PORT 3978, Playground 56150), in the namespace's own ports.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORAGE_URL: 'memory:', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Microsoft 365 Agents Playground \(\w+\): (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`npm run playground exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe.skipIf(!canRun)('npm run playground in headless Chromium (loopback-only namespace)', () => {
  beforeAll(async () => {
    const loaded = loadRuntime(REPO_ROOT);
    if (!loaded.runtime) throw new Error('shipped content has errors: run npm run validate');
    t = createTranslator(loaded.runtime.content.locales, loadSystemTexts(REPO_ROOT), loaded.runtime.content.variables);
    ns = await createLoopbackNamespace();
    browser = await chromium.launch({ executablePath: ns.wrapperFor(CHROMIUM), args: CHROMIUM_FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    ns?.close();
  });

  it.each(['webchat', 'emulator', 'msteams'])('%s mode: welcome language, buttons, danger lines, ad report, clean stop', async (channel) => {
    const playground = await startPlaygroundCommand(channel);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    page.setDefaultTimeout(REPLY_TIMEOUT);
    try {
      await page.goto(playground.url);
      // Opening the chat welcomes in DEFAULT_LANG (the Playground sends no language)…
      await bubble(page, firstLine(t('welcome:intro.text', 'vi'))).waitFor();
      // …and a first "hello" is clearly English: the welcome again, in English.
      await send(page, 'hello');
      await bubble(page, firstLine(t('welcome:intro.text', 'en'))).waitFor();

      // The language choice as buttons a person can see and tap.
      for (const name of ['Tiếng Việt', 'Français', 'English']) await button(page, name).waitFor({ state: 'visible' });
      await button(page, 'English').click();
      await bubble(page, firstLine(t('menu:intro.text', 'en'))).waitFor();

      // The danger reply keeps every line, so no two countries' numbers run together.
      await send(page, DANGER);
      const callNow = t('danger:numbers.call_now', 'en');
      await expect.poll(() => shownLinesOf(page, callNow), { timeout: REPLY_TIMEOUT }).toEqual(lines(callNow));
      for (const number of ['113', '117', '1300']) {
        expect((await shownLinesOf(page, callNow)).filter((line) => line.includes(number)), number).toHaveLength(1);
      }

      // A pasted job ad gets the scanner's report, its numbered advice one step per line.
      await send(page, AD);
      await bubble(page, t('offer-scan:high.verdict', 'en')).waitFor();
      const advice = t('offer-scan:high.advice', 'en');
      await expect.poll(() => shownLinesOf(page, advice), { timeout: REPLY_TIMEOUT }).toEqual(lines(advice));
    } finally {
      mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, 'test-output', `playground-${channel}.png`), fullPage: true });
      await page.close();
      const exit = new Promise<number | null>((resolve) => playground.child.once('exit', (code) => resolve(code)));
      playground.child.kill('SIGTERM');
      expect(await exit, playground.output()).toBe(0);
    }
  }, 240_000);
});
