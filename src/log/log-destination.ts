/**
 * The process's log destination: stdout, written asynchronously through a bounded buffer.
 *
 * A log reader that stalls (a full pipe, a stuck collector) must never stall the bot: lines are
 * written in the background, at most `maxBufferBytes` wait in memory, and lines that do not fit
 * are dropped and counted. A closed pipe (the collector went away) drops lines instead of
 * throwing into request handling or shutdown.
 */
import { pino, type DestinationStream } from 'pino';

/** Default bound of unwritten log data held in memory. */
export const DEFAULT_LOG_BUFFER_BYTES = 1024 * 1024;

/** An asynchronous destination that counts what it had to drop. */
export interface LogDestination extends DestinationStream {
  /** Lines dropped so far because the buffer was full or the output closed. */
  dropped(): number;
  /** Resolves once what is buffered is written, or after `timeoutMs` (a stalled reader), at exit. */
  flush(timeoutMs?: number): Promise<void>;
}

/**
 * Creates the asynchronous stdout destination.
 * @param fd file descriptor to write to (default 1, stdout).
 * @param maxBufferBytes unwritten bytes kept in memory before lines are dropped.
 */
export function createLogDestination(fd = 1, maxBufferBytes = DEFAULT_LOG_BUFFER_BYTES): LogDestination {
  const stream = pino.destination({ dest: fd, sync: false, maxLength: maxBufferBytes, minLength: 0 });
  let dropped = 0;
  let broken = false;
  stream.on('drop', (data: unknown) => {
    dropped += typeof data === 'string' ? Math.max(1, data.split('\n').length - 1) : 1;
  });
  stream.on('error', () => {
    broken = true;
  });
  return {
    write(line: string) {
      if (broken) {
        dropped += 1;
        return;
      }
      stream.write(line);
    },
    dropped: () => dropped,
    flush(timeoutMs = 1000) {
      if (broken) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        try {
          stream.flush(() => {
            clearTimeout(timer);
            resolve();
          });
        } catch {
          // Nothing to flush, or the output closed: nothing more can be written.
          clearTimeout(timer);
          resolve();
        }
      });
    },
  };
}
