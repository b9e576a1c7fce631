/** A pino logger whose JSON lines are kept in memory, for assertions on logs (privacy, fields). */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log/logger';

export interface LogCapture {
  logger: Logger;
  /** Raw lines as written. */
  lines(): string[];
  /** Parsed lines. */
  entries(): Record<string, unknown>[];
}

/** Creates a logger that records every line at `level` and above. */
export function captureLogs(level = 'debug'): LogCapture {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger(level, stream),
    lines: () => [...lines],
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
