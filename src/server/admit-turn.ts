/**
 * Admission of turn requests: at most `maxTurnsInFlight` turns run (or wait for their
 * conversation) per instance; beyond that a request gets 503 with `Retry-After` before its
 * body is read, so overload costs little and /healthz and /readyz keep answering at once.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../log/logger';
import { describeStatus } from './http-errors';
import type { InFlight } from './in-flight';

/** Seconds a refused client is asked to wait. */
export const RETRY_AFTER_SECONDS = 1;

/** Middleware counting the request in `inFlight` until its response closes, or refusing it with 503. */
export function admitTurn(inFlight: InFlight, logger: Logger): RequestHandler {
  let refused = 0;
  let lastReport = 0;
  return (_req, res, next) => {
    if (!inFlight.tryBegin()) {
      refused += 1;
      if (Date.now() - lastReport > 10_000) {
        logger.warn({ refused, inFlight: inFlight.count() }, 'overloaded: turns refused with 503');
        lastReport = Date.now();
        refused = 0;
      }
      const fixed = describeStatus(503);
      res.set('Retry-After', String(RETRY_AFTER_SECONDS)).set('Connection', 'close');
      return void res.status(503).type('text/plain').send(fixed.body);
    }
    res.once('close', () => inFlight.end());
    next();
  };
}
