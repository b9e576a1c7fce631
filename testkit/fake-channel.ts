/**
 * A fake Bot Framework channel: a small HTTP server standing at the activity's `serviceUrl`,
 * recording what the bot posts to /v3/conversations/{id}/activities[/{replyToId}].
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedPost {
  conversationId: string;
  replyToId?: string;
  headers: IncomingHttpHeaders;
  activity: Record<string, unknown> & { type?: string; text?: string };
}

export interface FakeChannel {
  /** Base URL to use as `serviceUrl`. */
  url: string;
  posts: RecordedPost[];
  /** Posted message activities (typing indicators left out). */
  messages(): RecordedPost['activity'][];
  /** Resolves once `count` messages were posted, rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<RecordedPost['activity'][]>;
  /** Forgets what was recorded. */
  clear(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/;

/** Starts the fake channel on a random local port. */
export async function startFakeChannel(): Promise<FakeChannel> {
  const posts: RecordedPost[] = [];
  let notify: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = ROUTE.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedPost['activity'];
      posts.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        headers: req.headers,
        activity,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${posts.length}` }));
      notify?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const messages = () => posts.filter((p) => p.activity.type === 'message').map((p) => p.activity);

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    messages,
    waitForMessages: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages().length >= count) {
            clearTimeout(timer);
            notify = undefined;
            resolve(messages());
          }
        };
        const timer = setTimeout(() => {
          notify = undefined;
          reject(new Error(`fake channel: expected ${count} messages, got ${messages().length} within ${timeoutMs} ms`));
        }, timeoutMs);
        notify = check;
        check();
      }),
    clear: () => void posts.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
