/**
 * Staff accounts and sign-in over real HTTP and real SQLite: the CLI writes the account, the bot
 * signs in with it, sessions, CSRF, roles, lock-out and idle expiry behave as documented.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffAuth } from '../../src/staff/staff-auth';
import { getSignedInStaff } from '../../src/staff/require-staff';
import { createSqliteStore } from '../../src/storage/sqlite-store';
import type { StateStore } from '../../src/storage/types';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import { postLogin, runStaffCli, signIn } from './staff-helpers';

const PASSWORD = 'correct horse battery';
let dir: string;
let env: NodeJS.ProcessEnv;
let bot: TestBot;
let store: StateStore;
let clock = Date.now();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tf-staff-'));
  env = { STORAGE_URL: `sqlite:${join(dir, 'bot.db')}` };
  expect((await runStaffCli(['add', 'anna'], env, `${PASSWORD}\n`)).code).toBe(0);
  expect((await runStaffCli(['add', 'marc', '--role', 'manager'], env, `${PASSWORD}\n`)).code).toBe(0);
  expect((await runStaffCli(['add', 'lan', '--role', 'manager,counsellor'], env, `${PASSWORD}\n`)).code).toBe(0);
  store = createSqliteStore(join(dir, 'bot.db'));
  bot = await startTestBot({
    runtime: createFixtureRuntime(),
    advance: advanceFixture,
    store,
    routers: ({ logger }) => {
      const auth = createStaffAuth({ store, logger, secureCookies: true, now: () => clock });
      const probe = Router();
      probe.get('/staff/api/probe', auth.requireStaff('counsellor'), (_req, res) => void res.json({ name: getSignedInStaff(res).name }));
      probe.post('/staff/api/probe', auth.requireStaff('counsellor'), (_req, res) => void res.json({ changed: true }));
      probe.get('/admin-probe', auth.requireStaff('manager', { signedOut: 'page' }), (_req, res) => void res.send('dashboard'));
      return [auth.router, probe];
    },
  });
});

afterAll(async () => {
  await bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run staff', () => {
  it('lists names with their roles, never a password or hash', async () => {
    const listed = await runStaffCli(['list'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toBe('anna\tcounsellor\nlan\tcounsellor,manager\nmarc\tmanager\n');
    expect(listed.out).not.toContain(PASSWORD);
  });

  it('refuses a password shorter than 12 characters and writes nothing', async () => {
    const result = await runStaffCli(['add', 'short'], env, 'elevenchars\n');
    expect(result.code).toBe(1);
    expect(result.err).toContain('at least 12 characters');
    expect((await runStaffCli(['list'], env)).out).not.toContain('short');
  });

  it('a second add with another role gives the name both roles', async () => {
    await runStaffCli(['add', 'duo'], env, `${PASSWORD}\n`);
    const again = await runStaffCli(['add', 'duo', '--role', 'manager'], env, `${PASSWORD}!\n`);
    expect(again.out).toContain('updated duo (roles: counsellor, manager)');
    expect((await postLogin(bot.url, 'duo', PASSWORD)).status).toBe(401);
    expect((await postLogin(bot.url, 'duo', `${PASSWORD}!`)).status).toBe(200);
  });

  it('answers --help, and refuses unknown roles and commands with the usage', async () => {
    const help = await runStaffCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--role manager,counsellor');
    const badRole = await runStaffCli(['add', 'x1', '--role', 'admin'], env, `${PASSWORD}\n`);
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain("unknown role 'admin' (known: counsellor, manager)");
    expect((await runStaffCli(['promote', 'anna'], env)).code).toBe(2);
  });

  it('remove deletes the account and ends its sessions at their next use', async () => {
    await runStaffCli(['add', 'temp'], env, `${PASSWORD}\n`);
    const client = await signIn(bot.url, 'temp', PASSWORD);
    expect((await client.call('/staff/api/probe')).status).toBe(200);
    expect((await runStaffCli(['remove', 'temp'], env)).out).toBe('removed temp\n');
    expect((await client.call('/staff/api/probe')).status).toBe(401);
    expect((await runStaffCli(['remove', 'temp'], env)).code).toBe(1);
  });
});

describe('POST /staff/login', () => {
  it('signs in with an HttpOnly, SameSite=Strict, Secure cookie and returns a CSRF token', async () => {
    const login = await postLogin(bot.url, 'anna', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(login.setCookie).toMatch(/^tf_staff=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
    expect(login.setCookie).not.toContain(login.body.csrfToken);
  });

  it('answers a wrong password and an unknown name with the same 401 body', async () => {
    const wrong = await postLogin(bot.url, 'marc', 'not the password at all');
    const unknown = await postLogin(bot.url, 'nobody-here', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.setCookie).toBe('');
  });

  it('locks a name out with 429 after 5 failures within 15 minutes, even with the right password, then lets it in again', async () => {
    await runStaffCli(['add', 'locked'], env, `${PASSWORD}\n`);
    for (let i = 0; i < 5; i++) expect((await postLogin(bot.url, 'locked', `wrong password ${i}`)).status).toBe(401);
    expect((await postLogin(bot.url, 'locked', PASSWORD)).status).toBe(429);
    expect((await postLogin(bot.url, 'anna', PASSWORD)).status).toBe(200);
    clock += 15 * 60_000 + 1;
    expect((await postLogin(bot.url, 'locked', PASSWORD)).status).toBe(200);
  });

  it('answers malformed bodies with 400 and keeps serving', async () => {
    const response = await fetch(`${bot.url}/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(response.status).toBe(400);
    expect((await postLogin(bot.url, 'anna', 42 as unknown as string)).status).toBe(400);
    expect((await postLogin(bot.url, 'anna', PASSWORD)).status).toBe(200);
  });
});

describe('requireStaff', () => {
  it('answers 401 JSON without a session, and the sign-in page for guarded pages', async () => {
    const api = await fetch(`${bot.url}/staff/api/probe`);
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: 'sign in first' });
    const page = await fetch(`${bot.url}/admin-probe`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('<form id="sign-in"');
  });

  it('answers 403 to a signed-in member without the role, and lets a member with both roles in', async () => {
    const manager = await signIn(bot.url, 'marc', PASSWORD);
    expect((await manager.call('/staff/api/probe')).status).toBe(403);
    expect((await manager.call('/admin-probe')).body).toBe('dashboard');
    const counsellor = await signIn(bot.url, 'anna', PASSWORD);
    expect((await counsellor.call('/admin-probe')).status).toBe(403);
    const both = await signIn(bot.url, 'lan', PASSWORD);
    expect((await both.call('/admin-probe')).status).toBe(200);
    expect((await both.call('/staff/api/probe')).body).toEqual({ name: 'lan' });
  });

  it('refuses state-changing requests without the right x-csrf-token', async () => {
    const client = await signIn(bot.url, 'anna', PASSWORD);
    expect((await client.call('/staff/api/probe', { method: 'POST', body: {}, csrf: false })).status).toBe(403);
    const forged = await fetch(`${bot.url}/staff/api/probe`, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': 'guessed' } });
    expect(forged.status).toBe(403);
    expect((await client.call('/staff/api/probe', { method: 'POST', body: {} })).body).toEqual({ changed: true });
  });

  it('gives the CSRF token back to a reloaded page, ends sessions on logout and after 8 hours idle', async () => {
    const client = await signIn(bot.url, 'anna', PASSWORD);
    expect((await client.call('/staff/api/session')).body).toEqual({ name: 'anna', roles: ['counsellor'], csrfToken: client.csrfToken });
    clock += 8 * 3_600_000 - 60_000;
    expect((await client.call('/staff/api/probe')).status).toBe(200);
    clock += 8 * 3_600_000 + 1;
    expect((await client.call('/staff/api/probe')).status).toBe(401);

    const other = await signIn(bot.url, 'anna', PASSWORD);
    const logout = await fetch(`${bot.url}/staff/logout`, { method: 'POST', headers: { cookie: other.cookie } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await other.call('/staff/api/probe')).status).toBe(401);
  });

  it('writes an audit line per sign-in with the name, and never a password', () => {
    const lines = bot.logs.lines();
    expect(lines.some((line) => line.includes('"audit":"sign-in"') && line.includes('"staff":"anna"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});
