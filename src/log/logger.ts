/**
 * JSON-lines logger (pino). Log only dialog, step, intent, language, timings and error
 * names: never message text, user names or raw ids (hash them with hash-id.ts).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { createLogDestination } from './log-destination';

export type { Logger } from 'pino';

/**
 * Creates the process logger.
 * @param level pino level (`info`, `debug`, `silent`, ...).
 * @param destination where lines go (default: stdout, asynchronous with a bounded buffer,
 *   see log-destination.ts); tests pass a capture stream.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'thinkfirst' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // No serialisers for req/res/err objects: we never pass them, only names and numbers.
  };
  return pino(options, destination ?? createLogDestination());
}

/** Name of an error for logs (class name, never its message, which may quote user input). */
export function nameError(error: unknown): string {
  if (error instanceof Error) return error.name || 'Error';
  return typeof error;
}
