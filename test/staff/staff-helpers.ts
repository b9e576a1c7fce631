/** Helpers of the staff tests: run the staff CLI in-process, sign in over HTTP, keep the cookie. */
import { Readable } from 'node:stream';
import { run } from '../../src/staff/staff-cli';

/** Runs `npm run staff -- <argv>` in-process with `stdin` as standard input. */
export async function runStaffCli(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
  });
  return { code, out, err };
}

/** A signed-in browser-like client: the session cookie and CSRF token of one sign-in. */
export interface StaffClient {
  cookie: string;
  csrfToken: string;
  setCookie: string;
  /** fetch with the cookie (and the CSRF header unless `csrf: false`). */
  call(path: string, init?: { method?: string; body?: unknown; csrf?: boolean }): Promise<{ status: number; body: any }>;
}

/** POSTs the sign-in; returns the status, JSON body and raw Set-Cookie. */
export async function postLogin(baseUrl: string, name: string, password: string): Promise<{ status: number; body: any; setCookie: string }> {
  const response = await fetch(`${baseUrl}/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, setCookie: response.headers.get('set-cookie') ?? '' };
}

/** Signs in and returns a client; throws when sign-in does not answer 200. */
export async function signIn(baseUrl: string, name: string, password: string): Promise<StaffClient> {
  const login = await postLogin(baseUrl, name, password);
  if (login.status !== 200) throw new Error(`sign-in of ${name} answered ${login.status}`);
  const cookie = login.setCookie.split(';')[0] ?? '';
  const csrfToken = String(login.body.csrfToken);
  return {
    cookie,
    csrfToken,
    setCookie: login.setCookie,
    async call(path, init = {}) {
      const headers: Record<string, string> = { cookie };
      if (init.csrf !== false) headers['x-csrf-token'] = csrfToken;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body };
    },
  };
}
