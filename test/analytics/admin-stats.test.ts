import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { addToDay, toDay } from '../../src/analytics/day-store';
import { loadReport } from '../../src/analytics/load-report';
import { BAD_PERIOD, createAdminRouter, type AdminRouterOptions } from '../../src/server/admin-routes';
import { createMemoryStore } from '../../src/storage/memory-store';

const TOKEN = 'a-long-random-admin-token-0123456789';
const store = createMemoryStore();
const servers: Server[] = [];

async function serve(options: Partial<AdminRouterOptions>): Promise<string> {
  const app = express();
  app.use(createAdminRouter({ store, token: TOKEN, ...options }));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/stats`;
}

const get = (url: string, token?: string) => fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

let url: string;
beforeAll(async () => {
  await addToDay(store, toDay(new Date()), new Map([['started|quiz', 12], ['step|quiz|q1', 3], ['started_lang|fr', 12]]));
  url = await serve({});
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe('GET /admin/stats', () => {
  it('answers 404 when ADMIN_TOKEN is not set, even with a token', async () => {
    const off = await serve({ token: undefined });
    expect((await get(off)).status).toBe(404);
    expect((await get(off, TOKEN)).status).toBe(404);
    expect((await get(await serve({ token: '' }), '')).status).toBe(404);
  });

  it('refuses requests without the token or with a wrong one (401), and shows nothing', async () => {
    for (const token of [undefined, '', 'wrong', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const response = await get(url, token);
      expect(response.status, `token ${token}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(await response.text()).toBe('Unauthorized');
    }
    const basic = await fetch(url, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
  });

  it('returns the same report as npm run stats, as JSON, with small counts masked', async () => {
    const response = await get(url, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Awaited<ReturnType<typeof loadReport>>;
    expect(body).toEqual(JSON.parse(JSON.stringify(await loadReport(store))));
    expect(body.languages).toEqual({ fr: 12 });
    expect(body.dialogs[0]).toMatchObject({ dialog: 'quiz', started: 12, steps: [{ step: 'q1', reached: '<5' }] });
  });

  it('honours from/to and explains a bad date with a fixed 400 body that never echoes the query', async () => {
    const empty = (await (await get(`${url}?from=2020-01-01&to=2020-01-31`, TOKEN)).json()) as { daysWithData: number };
    expect(empty.daysWithData).toBe(0);
    const bad = await get(`${url}?from=01/02/2020%3Cscript%3E`, TOKEN);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe(BAD_PERIOD);
    expect((await get(`${url}?from=2020-02-01&to=2020-01-01`, TOKEN)).status).toBe(400);
  });

  it('flushes pending counts before reading when asked to', async () => {
    let flushed = 0;
    const withFlush = await serve({ beforeRead: async () => void flushed++ });
    await get(withFlush, TOKEN);
    expect(flushed).toBe(1);
  });
});
