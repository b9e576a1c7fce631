import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { loadContent } from '../../src/script/load-content';
import { createFlowsRouter } from '../../src/server/admin-routes';
import { ROOT } from './temp-locales';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { content, diagnostics } = loadContent(ROOT);
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(createFlowsRouter({ getContent: () => content, getDiagnostics: () => diagnostics }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GET /flows', () => {
  it('serves the page, with a strict CSP, and Mermaid from node_modules', async () => {
    const page = await fetch(`${base}/flows`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    // One dialog at a time (the menu by default), with a picker listing every dialog.
    expect(html.match(/<pre class="mermaid">/g)).toHaveLength(1);
    expect(html.match(/<option value="[a-z-]+"/g)?.length).toBe(Object.keys(content!.dialogs).length + 3);
    const script = await fetch(`${base}/flows/mermaid.min.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(1_000_000);
  });

  it('lists the problems instead of diagrams when the dialogs are invalid', async () => {
    const app = express();
    const broken = { severity: 'error' as const, file: 'dialogs/menu.yaml', line: 3, col: 5, path: 'start', message: "unknown step 'x' <known: intro>" };
    app.use(createFlowsRouter({ getContent: () => null, getDiagnostics: () => [broken] }));
    const other = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const html = await (await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/flows`)).text();
      expect(html).toContain("dialogs/menu.yaml:3:5  error    start: unknown step 'x'");
      expect(html).toContain('&lt;known: intro&gt;');
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))('GET /flows in a browser (offline)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => browser?.close());

  it('draws one picked dialog with texts in the chosen language, readable on a phone, each step linked to its file:line', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const outside: string[] = [];
    page.on('request', (r) => void (r.url().startsWith(base) || outside.push(r.url())));
    await page.goto(`${base}/flows`);
    await page.selectOption('select[name="dialog"]', 'check-offer');
    await page.selectOption('select[name="lang"]', 'fr');
    await page.click('form.picker button');
    await page.waitForSelector('pre.mermaid svg', { timeout: 60_000 });
    expect(await page.locator('pre.mermaid svg').count()).toBe(1);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Syntax error/i);
    const svg = await page.locator('pre.mermaid svg').innerHTML();
    expect(svg).toContain('q_salary');
    const frenchQuestion = (content!.locales.fr['check-offer'] as { q_salary: { question: string } }).q_salary.question;
    expect(svg).toContain(frenchQuestion.slice(0, 20).replace(/'/g, '&#39;').replace(/'/g, "'"));
    // Text stays at a readable size: the diagram scrolls sideways instead of shrinking.
    const fontSize = await page.locator('pre.mermaid svg .nodeLabel').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    const step = content!.dialogs['check-offer']!.steps.q_salary!;
    const link = page.locator('ol.steps a', { hasText: 'q_salary' });
    expect(await link.getAttribute('href')).toBe(`/flows/source/check-offer#L${step.pos.line}`);
    await link.click();
    await expect.poll(() => page.locator(`#L${step.pos.line}`).innerText()).toMatch(/q_salary:/);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);
});
