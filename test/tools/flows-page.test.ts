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
    expect(html.match(/<pre class="mermaid">/g)).toHaveLength(Object.keys(content!.dialogs).length);
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

  it('renders every dialog as a diagram, with no Mermaid syntax error and no request leaving the machine', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => void (r.url().startsWith(base) || outside.push(r.url())));
    await page.goto(`${base}/flows`);
    const count = Object.keys(content!.dialogs).length;
    await page.waitForFunction((n) => document.querySelectorAll('pre.mermaid svg').length === n, count, { timeout: 60_000 });
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Syntax error/i);
    const checkOffer = await page.locator('#check-offer svg').innerHTML();
    expect(checkOffer).toContain('q_salary');
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);
});
