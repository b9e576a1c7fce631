/**
 * Local mode (no authentication) refuses what a web page or a DNS-rebinding attack could
 * send: a foreign Host, a foreign Origin, a non-JSON body, and a serviceUrl that is not
 * loopback; and nothing is posted anywhere for such a request. Traffic stays on loopback:
 * `0.0.0.0` is a non-loopback address that Linux still connects to this machine.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../helpers/http';
import { useFixtureBot } from '../helpers/fixture-bot';

const fx = useFixtureBot();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Raw POST with full control of Host and other headers (fetch cannot set Host). */
function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local mode refuses cross-site and rebinding requests', () => {
  it('answers 403 to a foreign Host header and runs no turn', async () => {
    fx.channel.clear();
    const body = JSON.stringify(buildMessage(fx.channel.url, { conversation: { id: 'foreign-host' } }));
    const response = await rawPost(fx.bot.messagesUrl, body, { 'content-type': 'application/json', host: 'attacker.example:3978' });
    expect(response).toEqual({ status: 403, text: 'Forbidden' });
    await sleep(200);
    expect(fx.channel.posts).toEqual([]);
  });

  it('answers 415 to a text/plain body holding a valid activity (a form or no-cors POST) and runs no turn', async () => {
    fx.channel.clear();
    const body = JSON.stringify(buildMessage(fx.channel.url, { conversation: { id: 'text-plain' } }));
    const response = await rawPost(fx.bot.messagesUrl, body, { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    await sleep(200);
    expect(fx.channel.posts).toEqual([]);
  });

  it('answers 403 to a foreign Origin and to a cross-site fetch', async () => {
    const body = JSON.stringify(buildMessage(fx.channel.url));
    for (const headers of [{ origin: 'https://attacker.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      expect((await rawPost(fx.bot.messagesUrl, body, { 'content-type': 'application/json', ...headers })).status).toBe(403);
    }
    const directLine = await rawPost(`${fx.bot.url}/v3/directline/conversations`, '{}', { 'content-type': 'application/json', origin: 'https://attacker.example' });
    expect(directLine.status).toBe(403);
    const page = await fetch(`${fx.bot.url}/chat`, { headers: { origin: 'https://attacker.example' } });
    expect(page.status).toBe(403);
  });

  it('accepts its own origin (the /chat page talking to its Direct Line)', async () => {
    const response = await rawPost(`${fx.bot.url}/v3/directline/conversations`, '{}', { 'content-type': 'application/json', origin: fx.bot.url });
    expect(response.status).toBe(201);
  });

  it('answers 400 to a serviceUrl that is not loopback and posts nothing there', async () => {
    fx.channel.clear();
    const port = new URL(fx.channel.url).port;
    const body = JSON.stringify(buildMessage(`http://0.0.0.0:${port}`, { conversation: { id: 'foreign-service-url' } }));
    const response = await rawPost(fx.bot.messagesUrl, body, { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    await sleep(300);
    expect(fx.channel.posts).toEqual([]);
  });
});

describe('malformed but authenticated-looking requests', () => {
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('answers 400 to a value nested 16,000 deep, on /api/messages and on the Direct Line', async () => {
    const activity = JSON.stringify(buildMessage(fx.channel.url)).replace(/}$/, `,"value":${deep(16_000)}}`);
    const response = await rawPost(fx.bot.messagesUrl, activity, { 'content-type': 'application/json' });
    expect(response).toEqual({ status: 400, text: 'Bad Request' });
    const started = await rawPost(`${fx.bot.url}/v3/directline/conversations`, '{}', { 'content-type': 'application/json' });
    const { conversationId, token } = JSON.parse(started.text) as { conversationId: string; token: string };
    const posted = await rawPost(`${fx.bot.url}/v3/directline/conversations/${conversationId}/activities`, `{"type":"message","text":"hi","value":${deep(16_000)}}`, {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    expect(posted).toEqual({ status: 400, text: 'Bad Request' });
  });

  it('answers 200 to an invoke activity the bot does not handle', async () => {
    const invoke = JSON.stringify(buildMessage(fx.channel.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: {} } }));
    const response = await rawPost(fx.bot.messagesUrl, invoke, { 'content-type': 'application/json' });
    expect(response.status).toBe(200);
  });
});
