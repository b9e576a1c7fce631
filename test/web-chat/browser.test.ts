/**
 * The local web chat in headless Chromium: the real bot server (local mode) serves /chat with
 * Microsoft Web Chat over its own Direct Line. A tester's path: the welcome appears, a
 * suggested action picks the language, a typed message is answered in that language, the
 * language switch and "new conversation" work. Saves a screenshot for the README.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/channel/load-runtime';
import { advance } from '../../src/engine/advance';
import { readLocaleText, REPO_ROOT } from '../chat/locale-text';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

const CHROMIUM = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) console.warn(`browser test skipped: ${CHROMIUM} is absent (apt-get install chromium); in CI it always runs`);

/** First line of a text: Web Chat renders the rest on other lines. */
const firstLine = (text: string) => text.split('\n')[0]!;

let bot: TestBot;
let browser: Browser;
let page: Page;

describe.skipIf(!canRun)('web chat in Chromium', () => {
  beforeAll(async () => {
    const { runtime } = loadRuntime(REPO_ROOT);
    if (!runtime) throw new Error('shipped content has errors: run npm run validate');
    bot = await startTestBot({ runtime, advance });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('greets, takes a suggested action, answers a typed message in the chosen language', async () => {
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${bot.url}/chat?lang=en`);
    expect(await page.locator('#title').textContent()).toBe(readLocaleText('en', 'web-chat:title'));
    const chat = page.locator('#webchat');
    await chat.getByText(firstLine(readLocaleText('en', 'welcome:intro.text'))).waitFor();

    await chat.getByRole('button', { name: 'Français', exact: true }).click();
    await chat.getByText(readLocaleText('fr', 'menu:intro.text')).waitFor();

    const input = chat.getByRole('textbox');
    await input.fill("Je veux voir les signes d'alerte");
    await input.press('Enter');
    await chat.getByText(readLocaleText('fr', 'warning-signs:pay.intro')).waitFor();
    await chat.getByRole('button', { name: readLocaleText('fr', 'common:nav.next'), exact: true }).waitFor();

    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    mkdirSync(join(REPO_ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'web-chat.png') });
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'images', 'web-chat.png') });
    expect(failed.filter((url) => !url.startsWith(bot.url))).toEqual([]);
  }, 60_000);

  it('switches language from the header and starts a new conversation', async () => {
    await page.locator('header').getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.locator('#new-conversation').textContent()).toBe(readLocaleText('en', 'web-chat:new_conversation'));
    const chat = page.locator('#webchat');
    await chat.getByText(readLocaleText('en', 'language:choose.question')).waitFor();

    await page.locator('#new-conversation').click();
    await chat.getByText(firstLine(readLocaleText('en', 'welcome:intro.text'))).waitFor();
    expect(await chat.getByText(readLocaleText('fr', 'warning-signs:pay.intro')).count()).toBe(0);
  }, 60_000);
});
