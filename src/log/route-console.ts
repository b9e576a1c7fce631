/**
 * Keeps the log JSON lines without internals when a dependency writes to the console:
 * botframework-connector calls `console.error` with the signing key (PEM) and a stack trace
 * for every forged or expired token. Console calls are counted, never printed (their text may
 * hold keys, file paths or user input); the counts are logged as one line a minute, and each
 * call as a debug line naming only the method.
 */
import type { Logger } from 'pino';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type ConsoleMethod = (typeof METHODS)[number];

/**
 * Replaces the console methods of this process. Returns a function that restores them and
 * makes a final report.
 */
export function routeConsoleToLogger(logger: Logger, reportEveryMs = 60_000): () => void {
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  const counts = new Map<ConsoleMethod, number>();
  for (const method of METHODS) {
    originals.set(method, console[method]);
    console[method] = () => {
      counts.set(method, (counts.get(method) ?? 0) + 1);
      logger.debug({ method }, 'dependency console output withheld');
    };
  }
  const report = () => {
    if (counts.size === 0) return;
    logger.warn({ calls: Object.fromEntries(counts) }, 'dependency console output withheld (counts since last report)');
    counts.clear();
  };
  const timer = setInterval(report, reportEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    report();
    for (const [method, original] of originals) console[method] = original;
  };
}
