/**
 * A fake Bot Framework channel (the bot's `serviceUrl`) on loopback, built for load and
 * fault tests: it answers `POST /v3/conversations/:id/activities[/:replyTo]` like the
 * connector, keeps the reply texts of each conversation in arrival order, and can be told
 * to fail (status code) or to be slow for a while.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A reply the bot posted. */
export interface SinkReply {
  conversationId: string;
  type: string;
  text?: string;
  replyToId?: string;
}

/** The running sink. */
export interface ChannelSink {
  url: string;
  /** Replies of one conversation, in the order they arrived. */
  repliesOf(conversationId: string): SinkReply[];
  /** Number of message replies received in total. */
  messageCount(): number;
  /** Number of activities received in total (messages, typing, events). */
  activityCount(): number;
  /** Resolves once `conversationId` has `count` message replies, or rejects after `timeoutMs`. */
  waitForMessages(conversationId: string, count: number, timeoutMs?: number): Promise<SinkReply[]>;
  /** Makes the next `times` posts answer `status` (429, 500, 503…) after `delayMs`. */
  failNext(times: number, status: number, delayMs?: number): void;
  /** Delays every successful answer by `ms` (a slow channel; makes turns overlap). */
  setDelay(ms: number): void;
  /** Number of posts answered with an injected failure. */
  failuresServed(): number;
  clear(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a sink on 127.0.0.1 and a free port. */
export async function startChannelSink(): Promise<ChannelSink> {
  const replies = new Map<string, SinkReply[]>();
  let messages = 0;
  let activities = 0;
  let failures: { times: number; status: number; delayMs: number } = { times: 0, status: 200, delayMs: 0 };
  let served = 0;
  let delayMs = 0;
  let nextId = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    const body = await readBody(req);
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    if (failures.times > 0) {
      failures.times -= 1;
      served += 1;
      const { status, delayMs } = failures;
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{"code":"injected"}}'), delayMs);
      return;
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const conversationId = decodeURIComponent(match[1]!);
    const activity = JSON.parse(body) as { type: string; text?: string; replyToId?: string };
    const list = replies.get(conversationId) ?? [];
    list.push({ conversationId, type: activity.type, text: activity.text, replyToId: activity.replyToId });
    replies.set(conversationId, list);
    activities += 1;
    if (activity.type === 'message') messages += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${++nextId}` }));
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const repliesOf = (id: string) => (replies.get(id) ?? []).filter((r) => r.type === 'message');
  return {
    url,
    repliesOf,
    messageCount: () => messages,
    activityCount: () => activities,
    async waitForMessages(id, count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (repliesOf(id).length < count) {
        if (Date.now() > deadline) throw new Error(`channel sink: conversation got ${repliesOf(id).length} of ${count} replies within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return repliesOf(id);
    },
    failNext(times, status, delayMs = 0) {
      failures = { times, status, delayMs };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    failuresServed: () => served,
    clear() {
      replies.clear();
      messages = 0;
      activities = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
