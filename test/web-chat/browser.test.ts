/**
 * The local web chat in headless Chromium: the real bot server (local mode) serves /chat with
 * Microsoft Web Chat over its own Direct Line. A tester's path: the welcome appears, a
 * suggested action picks the language, a typed message is answered in that language, the
 * language switch and "new conversation" work. Saves a screenshot for the README.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/script/load-runtime';
import { advance } from '../../src/engine/advance';
import { readLocaleText, REPO_ROOT } from '../chat/locale-text';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';

const CHROMIUM = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) console.warn(`browser test skipped: ${CHROMIUM} is absent (apt-get install chromium); in CI it always runs`);

/**
 * A pattern for a bot text as Web Chat shows it: the first line only (the rest is another
 * paragraph), with straight quotes turned typographic by its Markdown renderer.
 */
function shown(text: string): RegExp {
  const escaped = text.split('\n')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['’]").replace(/"/g, '["“”]'));
}

/** A suggested-action button of Web Chat (not the live-region copy screen readers get). */
function suggestedAction(chat: Locator, title: string): Locator {
  return chat.locator('.webchat__suggested-actions__button', { hasText: title }).first();
}

/**
 * Waits until `read` gives `expected` (a web-first assertion): the page changes under the
 * test while Direct Line polls in replies, so a value read once right after a click can be
 * a state that is about to pass.
 */
async function eventually(read: () => Promise<string | null>, expected: string): Promise<void> {
  await expect.poll(read, { timeout: 15_000, interval: 100 }).toBe(expected);
}

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
    await eventually(() => page.locator('#title').textContent(), readLocaleText('en', 'web-chat:title'));
    const chat = page.locator('#webchat');
    await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('en', 'welcome:intro.text')) }).first().waitFor();

    await suggestedAction(chat, 'Français').click();
    await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('fr', 'menu:intro.text')) }).first().waitFor();
    // The page follows a language chosen inside the chat: its header switches to French too.
    await page.locator('header button[data-lang="fr"][aria-pressed="true"]').waitFor();
    await eventually(() => page.locator('#new-conversation').textContent(), readLocaleText('fr', 'web-chat:new_conversation'));

    const input = chat.getByRole('textbox');
    await input.fill("Je veux voir les signes d'alerte");
    await input.press('Enter');
    await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('fr', 'warning-signs:pay.intro')) }).first().waitFor();
    await suggestedAction(chat, readLocaleText('fr', 'common:nav.next')).waitFor();

    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'web-chat.png') });
    // The README's picture is refreshed on request only, so `npm test` leaves tracked files alone.
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') await page.screenshot({ path: join(REPO_ROOT, 'docs', 'images', 'web-chat.png') });
    expect(failed.filter((url) => !url.startsWith(bot.url))).toEqual([]);
  }, 60_000);

  it('switches language from the header and starts a new conversation', async () => {
    await page.locator('header').getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    // Replies of the last French turn can still be polled in after the click and switch the
    // page back to French for a moment; the bot's Vietnamese answer settles it: wait for that.
    const chat = page.locator('#webchat');
    await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('vi', 'language:choose.question')) }).first().waitFor();
    await page.locator('header button[data-lang="vi"][aria-pressed="true"]').waitFor();
    await eventually(() => page.locator('#new-conversation').textContent(), readLocaleText('vi', 'web-chat:new_conversation'));
    await eventually(() => page.locator('html').getAttribute('lang'), 'vi');

    await page.locator('#new-conversation').click();
    await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('vi', 'welcome:intro.text')) }).first().waitFor();
    expect(await chat.locator('.webchat__bubble__content', { hasText: shown(readLocaleText('fr', 'warning-signs:pay.intro')) }).count()).toBe(0);
  }, 60_000);
});
