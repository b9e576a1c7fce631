/**
 * The campaign dashboard as a manager uses it: the real bot process (`npm start`), staff
 * accounts made with `npm run staff`, statistics in its SQLite file. Over HTTP: who may see
 * it, ADMIN_TOKEN for machines, CSV with masking. In headless Chromium: signing in, charts
 * drawn, no ids on the page, readable at a phone's width.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/analytics/day-store';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import { spawnBotProcess, type BotProcess } from '../../testkit/bot-process';
import { buildJoin, buildMessage, postJson } from '../helpers/http';
import { runStaffCli, signIn } from '../staff/staff-helpers';
import { seedStats } from './seed-stats';

const CHROMIUM = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
const PASSWORD = 'correct horse battery staple 42';
const ADMIN_TOKEN = 'machine-token-0123456789abcdef';
const CANARY_CONVERSATION = 'canary-conv-7f3a9';
const CANARY_USER = 'canary-user-5b21c';
const dir = mkdtempSync(join(tmpdir(), 'thinkfirst-dashboard-'));
const env = { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}`, ADMIN_TOKEN, STATS_MIN_COUNT: '5' };
const today = toDay(new Date());
let bot: BotProcess;
let firstDay: string;

beforeAll(async () => {
  for (const [name, role] of [['mai', 'manager'], ['tuan', 'counsellor']]) {
    expect((await runStaffCli(['add', name!, '--role', role!], env, `${PASSWORD}\n`)).code).toBe(0);
  }
  const store = createSqliteStore(join(dir, 'bot.db'));
  firstDay = await seedStats(store, today);
  await store.close();
  bot = await spawnBotProcess({ env: { LOG_LEVEL: 'info', ...env } });
  await bot.waitReady();
  // A real conversation with recognisable ids: none of them may reach the dashboard.
  const common = { conversation: { id: CANARY_CONVERSATION }, from: { id: CANARY_USER, name: 'Canary Name' }, deliveryMode: 'expectReplies' };
  await postJson(`${bot.url}/api/messages`, buildJoin('http://127.0.0.1:1', { ...common, membersAdded: [{ id: 'bot-1' }, { id: CANARY_USER }] }));
  await postJson(`${bot.url}/api/messages`, buildMessage('http://127.0.0.1:1', { ...common, text: 'menu' }));
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /admin over HTTP', () => {
  it('shows the sign-in page without a session, 403 to a counsellor, the dashboard to a manager', async () => {
    const anonymous = await fetch(`${bot.url}/admin`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('<form id="sign-in"');
    const counsellor = await signIn(bot.url, 'tuan', PASSWORD);
    expect((await counsellor.call('/admin')).status).toBe(403);
    expect((await counsellor.call('/admin/dashboard.csv')).status).toBe(403);
    const manager = await signIn(bot.url, 'mai', PASSWORD);
    const page = await manager.call('/admin');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<svg class="chart"');
  });

  it('keeps GET /admin/stats working with ADMIN_TOKEN for machines', async () => {
    const response = await fetch(`${bot.url}/admin/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { languages: Record<string, number> }).languages.vi).toBeGreaterThan(100);
    expect((await fetch(`${bot.url}/admin/stats`)).status).toBe(401);
  });

  it('downloads what is shown as CSV, with small counts masked, filtered by language', async () => {
    const manager = await signIn(bot.url, 'mai', PASSWORD);
    const csv = String((await manager.call(`/admin/dashboard.csv?from=${firstDay}&to=${today}&lang=fr`)).body);
    expect(csv).toMatch(/^\uFEFF?section,item,measure,value\r\n/);
    expect(csv).toContain(`period,${firstDay} to ${today},language fr,test conversations left out`);
    expect(csv).toMatch(/Hand-offs to a counsellor,hand-offs,abandoned,<5\r\n/);
    expect(csv).toMatch(/Languages,fr,dialogs started,\d{2,}\r\n/);
    expect(csv).not.toMatch(/Languages,vi,/);
    expect(csv).toMatch(/A\/B experiments,menu-check-first\/b,rate %,\d+(\.\d)?\r\n/);
    expect(csv).not.toContain(CANARY_CONVERSATION);
    const bad = await manager.call('/admin?from=2026-13-01');
    expect(bad.status).toBe(400);
    expect(String(bad.body)).toContain("from '2026-13-01' is not a date");
  });
});

describe('/preview over HTTP', () => {
  it('needs a signed-in staff member, page and Direct Line alike', async () => {
    const anonymous = await fetch(`${bot.url}/preview`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('<form id="sign-in"');
    expect((await fetch(`${bot.url}/preview/directline/conversations`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const counsellor = await signIn(bot.url, 'tuan', PASSWORD);
    const page = await counsellor.call('/preview');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('data-direct-line="/preview/directline"');
    const started = await fetch(`${bot.url}/preview/directline/conversations`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', cookie: counsellor.cookie } });
    expect(started.status).toBe(201);
  });
});

describe.skipIf(!canRun)('the dashboard in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(() => browser?.close());

  it('signs a manager in, draws every chart, shows no ids, and fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    page.setDefaultTimeout(15_000);
    const response = await page.goto(`${bot.url}/admin?test=1`);
    expect(response?.status()).toBe(401);
    await page.fill('#sign-in-name', 'mai');
    await page.fill('#sign-in-password', PASSWORD);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('h1:has-text("ThinkFirst dashboard")');
    for (const id of ['funnels', 'risk', 'quiz', 'languages', 'unanswered', 'handoffs', 'ab']) {
      expect(await page.locator(`#${id} svg.chart`).count(), `charts in section ${id}`).toBeGreaterThan(0);
    }
    expect(await page.locator('#funnels svg.chart rect').count()).toBeGreaterThan(10);
    expect(await page.locator('#risk svg.chart path').count()).toBe(3);
    expect(await page.locator('#ab svg.chart line').count()).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.locator('#ab .note').first().textContent()).toMatch(/menu-check-first .*(Variant b does better|No clear difference yet|Not enough data yet)/);
    const html = await page.content();
    for (const id of [CANARY_CONVERSATION, CANARY_USER, 'Canary Name']) expect(html).not.toContain(id);
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(join(import.meta.dirname, '..', '..', 'docs', 'images'), { recursive: true });
      const images = join(import.meta.dirname, '..', '..', 'docs', 'images');
      await page.screenshot({ path: join(images, 'dashboard-phone.png') });
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.locator('#funnels').screenshot({ path: join(images, 'dashboard-funnels.png') });
      await page.locator('#ab').screenshot({ path: join(images, 'dashboard-ab.png') });
      await page.locator('#unanswered').screenshot({ path: join(images, 'dashboard-unanswered.png') });
    }
    await page.close();
  }, 60_000);

  it('lets signed-in staff try the content in Web Chat at /preview', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${bot.url}/preview?lang=en`);
    await page.fill('#sign-in-name', 'tuan');
    await page.fill('#sign-in-password', PASSWORD);
    await page.click('#sign-in button[type="submit"]');
    const chat = page.locator('#webchat');
    await chat.locator('.webchat__suggested-actions__button').first().waitFor();
    await chat.locator('.webchat__suggested-actions__button', { hasText: 'English' }).first().click();
    await expect.poll(() => chat.locator('.webchat__suggested-actions__button', { hasText: 'Check an offer' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#note').textContent()).toContain('left out of the statistics');
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'preview-phone.png') });
    await page.close();
  }, 60_000);
});
