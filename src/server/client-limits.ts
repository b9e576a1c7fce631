/**
 * Limits per client address, which a client cannot rotate as freely as conversation ids:
 * a request rate on the turn endpoints, and a cap on open connections. Behind a load balancer
 * set TRUST_PROXY so the address comes from `X-Forwarded-For`; the Bot Framework channels'
 * own servers share few addresses, so the request rate limit is generous by default.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import type { Logger } from '../log/logger';
import { MemoryRateLimiter } from '../storage/rate-limit';
import { describeStatus } from './http-errors';

/** True for 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\./.test(plain);
}

/**
 * Requests per minute per client address on the turn endpoints; 0 turns the limit off.
 * Loopback clients are not limited: local tools and the Emulator, or a reverse proxy on the
 * same host (set TRUST_PROXY so that its clients' own addresses are limited instead).
 */
export function limitClientRate(requestsPerMinute: number, logger: Logger): RequestHandler {
  if (requestsPerMinute <= 0) return (_req, _res, next) => next();
  const limiter = new MemoryRateLimiter({ limit: requestsPerMinute, windowMs: 60_000 });
  return (req, res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (isLoopbackAddress(address)) return next();
    limiter.hit(address).then((decision) => {
      if (decision === 'allow') return next();
      if (decision === 'notify') logger.warn({ limit: requestsPerMinute }, 'client over its request rate: 429');
      res.set('Retry-After', '60');
      res.status(429).type('text/plain').send(describeStatus(429).body);
    }, next);
  };
}

/**
 * Closes new connections beyond `perAddress` (0: no cap) open ones from the same address (slow or idle
 * clients cannot take every connection slot; the global cap is `server.maxConnections`), and
 * connections whose first request's headers are not complete within `firstRequestMs` (Node's
 * own header time-out does not apply to a connection that sends nothing).
 */
export function guardConnections(server: Server, perAddress: number, firstRequestMs: number): void {
  const open = new Map<string, number>();
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('request', (req: { socket: Socket }) => {
    clearTimeout(waiting.get(req.socket));
    waiting.delete(req.socket);
  });
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (perAddress > 0 && count > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    const silent = setTimeout(() => socket.destroy(), firstRequestMs);
    silent.unref();
    waiting.set(socket, silent);
    socket.once('close', () => {
      clearTimeout(silent);
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
