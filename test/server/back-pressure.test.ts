/**
 * Back-pressure and HTTP limits on a real server: beyond the turns an instance may hold, a
 * request gets 503 with Retry-After at once while /healthz and /readyz keep answering; slow
 * or idle connections are closed by the time-outs; one client address cannot take every
 * connection or send unlimited requests.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChannelSink, type ChannelSink } from '../../testkit/channel-sink';
import { advanceFixture, createFixtureRuntime } from '../fixtures/platform/fixture-runtime';
import { buildMessage } from '../helpers/http';
import { startTestBot, type TestBot } from '../helpers/start-test-bot';
import type { HttpLimits } from '../../src/server/http-limits';

let sink: ChannelSink;
let bot: TestBot | undefined;
const sockets: Socket[] = [];
beforeAll(async () => {
  sink = await startChannelSink();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  sink.setDelay(0);
  await bot?.close();
  bot = undefined;
});
afterAll(async () => {
  await sink?.close();
});

async function start(limits: Partial<HttpLimits>): Promise<TestBot> {
  bot = await startTestBot({ runtime: createFixtureRuntime(), advance: advanceFixture, httpLimits: limits });
  return bot;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Opens a raw connection and resolves when it is connected; `closed` resolves when the server closes it. */
function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
    socket.on('error', () => undefined);
    socket.resume();
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('turns in flight are bounded per instance', () => {
  it('answers 503 with Retry-After beyond the bound, while /healthz and /readyz answer at once', async () => {
    const { messagesUrl, url } = await start({ maxTurnsInFlight: 4 });
    sink.setDelay(1500);
    const burst = Array.from({ length: 40 }, (_, i) => post(messagesUrl, buildMessage(sink.url, { conversation: { id: `burst-${i}` }, text: 'hello' })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const health = await timed(`${url}/healthz`);
    const ready = await timed(`${url}/readyz`);
    const responses = await Promise.all(burst);
    const refused = responses.filter((r) => r.status === 503);
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(refused.every((r) => r.headers.get('retry-after') === '1')).toBe(true);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
    expect(ready.ms).toBeLessThan(500);
  });
});

describe('HTTP time-outs and connection caps', () => {
  it('closes a connection whose body trickles in, and one that never sends a request', async () => {
    const { port } = await start({ headersTimeoutMs: 1000, requestTimeoutMs: 1500 });
    const slow = await openSocket(port);
    slow.socket.write(`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":`);
    const silent = await openSocket(port);
    expect(await slow.closed).toBeLessThan(4000);
    expect(await silent.closed).toBeLessThan(4000);
  });

  it('caps the open connections of one client address, and serves again when they close', async () => {
    const { port, url } = await start({ maxConnectionsPerClient: 5, headersTimeoutMs: 10_000 });
    const idle = await Promise.all(Array.from({ length: 5 }, () => openSocket(port)));
    const extra = await openSocket(port);
    expect(await extra.closed).toBeLessThan(1000);
    for (const { socket } of idle) socket.destroy();
    await Promise.all(idle.map((s) => s.closed));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('answers 429 to a client address over its request rate, whatever conversation ids it uses (behind a proxy)', async () => {
    const { messagesUrl } = await start({ clientRequestsPerMinute: 5, trustProxy: true });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const body = buildMessage(sink.url, { conversation: { id: `rotating-${i}` }, from: { id: `user-${i}` }, type: 'typing' });
      const response = await fetch(messagesUrl, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: JSON.stringify(body),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another client (here the proxy's own loopback address, never limited) is still served.
    expect((await post(messagesUrl, buildMessage(sink.url, { type: 'typing' }))).status).toBe(200);
  });
});
