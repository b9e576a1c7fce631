/** Limits of the bot's HTTP server (configured by the HTTP_* variables, see src/config.ts). */
import type { Server, ServerOptions } from 'node:http';
import { guardConnections } from './client-limits';

/** Every bound the server applies; durations in ms. */
export interface HttpLimits {
  /** Turns running or waiting per instance before 503 + Retry-After (MAX_TURNS_IN_FLIGHT). */
  maxTurnsInFlight: number;
  /** Longest wait for a request's headers (HTTP_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Longest wait for a whole request, body included (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Open connections per instance (HTTP_MAX_CONNECTIONS). */
  maxConnections: number;
  /** Open connections per client address, 0 for no cap (HTTP_MAX_CONNECTIONS_PER_CLIENT; off by default: behind a load balancer every client shares its address). */
  maxConnectionsPerClient: number;
  /** Turn requests per minute per client address, 0 for none (RATE_LIMIT_CLIENT_REQUESTS). */
  clientRequestsPerMinute: number;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY: behind a load balancer). */
  trustProxy: boolean;
}

/** Defaults: sized for one small instance (2 cores); see docs/operations.md. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxTurnsInFlight: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 8_000,
  maxConnectionsPerClient: 0,
  clientRequestsPerMinute: 1_200,
  trustProxy: false,
};

/** Options for `http.createServer`: the request and header time-outs are checked every second. */
export function serverOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: 1_000,
  };
}

/** Applies the timeouts and connection caps of `limits` to a listening `server`. */
export function applyServerLimits(server: Server, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // A connection that sends nothing, or headers or a body too slowly, is closed by the header
  // and request time-outs (checked every second); an idle keep-alive one by the keep-alive time-out.
  server.maxConnections = limits.maxConnections;
  guardConnections(server, limits.maxConnectionsPerClient, limits.headersTimeoutMs);
}
