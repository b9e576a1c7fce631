/**
 * POST of an activity over node:http with one keep-alive agent, for the load driver.
 * The driver does not use fetch: under a burst of ~100 concurrent requests, fetch's client
 * (undici) left a few requests waiting about a second before they reached the bot, the same for
 * every bot measured, so the p99 of a run measured the client rather than the bot.
 */
import { Agent, request } from 'node:http';

/** Sockets kept open to the bots (more than the concurrent users of any phase). */
const agent = new Agent({ keepAlive: true, maxSockets: 2048 });

/** Posts `activity` as JSON; resolves with the HTTP status (0 on a transport error or time-out) and the round trip in ms. */
export function postKeepAlive(url: string, activity: Record<string, unknown>, timeoutMs = 15_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const body = JSON.stringify(activity);
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, ms: performance.now() - started });
    const req = request(url, { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', () => done(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
    req.end(body);
  });
}
