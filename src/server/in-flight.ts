/**
 * Counts requests in progress, so shutdown can wait for them to finish, and bounds them, so
 * an instance under more load than it can serve answers 503 at once instead of slowing every
 * turn (and its health checks) down.
 */

export interface InFlight {
  begin(): void;
  /** Begins a request unless `limit` are already in progress; false when refused. */
  tryBegin(): boolean;
  end(): void;
  count(): number;
  /** Resolves true when no request is in progress, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates an in-flight counter admitting at most `limit` requests through {@link InFlight.tryBegin}. */
export function createInFlight(limit = Number.POSITIVE_INFINITY): InFlight {
  let active = 0;
  let waiters: (() => void)[] = [];
  return {
    begin: () => void (active += 1),
    tryBegin: () => {
      if (active >= limit) return false;
      active += 1;
      return true;
    },
    end: () => {
      active = Math.max(0, active - 1);
      if (active === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    },
    count: () => active,
    drain: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (active === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
  };
}
