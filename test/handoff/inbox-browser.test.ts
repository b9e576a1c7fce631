/**
 * The counsellors' inbox page (/staff) in headless Chromium on a phone-sized screen: sign in,
 * see the waiting conversation, read the user's message as it arrives, reply (the user gets
 * it), close (the user is back at the menu). Everything is served by the bot (no CDN).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { readLocaleText } from '../chat/locale-text';
import { startFakeChannel, type FakeChannel } from '../../testkit/fake-channel';
import { runStaffCli } from '../staff/staff-helpers';
import { startHandoffBot, type HandoffBot } from './handoff-bot';
import { createUser } from './user-client';

const CHROMIUM = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
const PASSWORD = 'counsellor pass phrase';
let dir: string;
let bot: HandoffBot;
let channel: FakeChannel;
let browser: Browser;
let page: Page;

describe.skipIf(!canRun)('the inbox page in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tf-inbox-page-'));
    await runStaffCli(['add', 'anna'], { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` }, `${PASSWORD}\n`);
    channel = await startFakeChannel();
    bot = await startHandoffBot({ store: createSqliteStore(join(dir, 'bot.db')) });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await channel?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, takes a waiting conversation, replies and closes it without reloading', async () => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(bot.url)) outside.push(request.url());
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${bot.url}/staff`);
    await page.getByLabel('Name').fill('anna');
    await page.getByLabel('Password').fill('a wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toBe('Wrong name or password.');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as anna').waitFor();
    await page.getByText('Nobody is waiting').waitFor();

    const user = createUser(bot.messagesUrl, channel, 'fr-FR');
    await user.say('bonjour');
    await user.say('je veux parler à une vraie personne');
    await user.tap('yes');
    await user.say('canary-page bonjour, mon frère est au Cambodge');

    const entry = page.getByRole('button', { name: /French · waiting for/ });
    await entry.waitFor();
    await entry.click();
    await page.getByText('canary-page bonjour, mon frère est au Cambodge').waitFor();
    await page.getByLabel(/Your answer/).fill('Bonjour, je suis Anna. Où est-il exactement ?');
    const beforeReply = user.received().length;
    await page.getByRole('button', { name: 'Send' }).click();
    await user.waitFor(beforeReply + 1);
    expect(user.texts().at(-1)).toBe('Bonjour, je suis Anna. Où est-il exactement ?');
    await page.getByText('Active with anna.').waitFor();

    // A new message from the user appears without reloading.
    await user.say('à Sihanoukville');
    await page.getByText('à Sihanoukville').waitFor();

    const before = user.received().length;
    await page.getByRole('button', { name: 'Close the conversation' }).click();
    await page.getByText('Closed.').waitFor();
    await user.waitFor(before + 2);
    expect(user.texts().slice(before)).toEqual([readLocaleText('fr', 'handoff:notices.ended_by_counsellor'), readLocaleText('fr', 'menu:intro.text')]);
    await page.getByText('Nobody is waiting').waitFor();
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
