/** Reports, as a log line, how many log lines the bounded log buffer had to drop. */
import type { Logger } from 'pino';
import type { LogDestination } from './log-destination';

/**
 * Every `everyMs`, logs `{ dropped, total }` when lines were dropped since the last report
 * (the report itself may be dropped while the reader is still stalled; the total catches up).
 * Returns a function that stops the timer and makes a final report.
 */
export function reportDroppedLogs(logger: Logger, destination: LogDestination, everyMs = 60_000): () => void {
  let reported = 0;
  const report = () => {
    const total = destination.dropped();
    if (total === reported) return;
    logger.warn({ dropped: total - reported, total }, 'log lines dropped: the log reader was too slow');
    reported = total;
  };
  const timer = setInterval(report, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    report();
  };
}
