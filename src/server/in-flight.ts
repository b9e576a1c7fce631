/** Counts requests in progress, so shutdown can wait for them to finish. */

export interface InFlight {
  begin(): void;
  end(): void;
  count(): number;
  /** Resolves true when no request is in progress, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates an in-flight counter. */
export function createInFlight(): InFlight {
  let active = 0;
  let waiters: (() => void)[] = [];
  return {
    begin: () => void (active += 1),
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
