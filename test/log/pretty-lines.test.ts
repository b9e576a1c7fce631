/**
 * The readable log format for terminals: one line per entry with time, level, message and
 * fields; JSON lines elsewhere stay untouched.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger';
import { createPrettyDestination, formatPrettyLine } from '../../src/log/pretty-lines';

/** A logger writing readable lines into an array. */
function prettyLogger(colours = false) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const destination = createPrettyDestination({ write: (text: string) => sink.write(text) }, colours);
  return { logger: createLogger('debug', destination), lines };
}

describe('readable log lines', () => {
  it('shows time, level, message and fields on one line, without the JSON punctuation', async () => {
    const { logger, lines } = prettyLogger();
    logger.info({ channel: 'directline', dialog: 'menu', step: 'intro', lang: 'fr', ms: 3.1 }, 'turn');
    logger.warn({ error: 'StorageUnavailableError', cause: 'StorageUnavailableError < RedisTimeoutError' }, 'Redis at 127.0.0.1:6390 is unreachable');
    logger.debug({ stages: { load: 0.4, compute: 1.2 } }, 'turn stages');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}turn {2}channel=directline dialog=menu step=intro lang=fr ms=3\.1$/);
    expect(lines[1]).toMatch(/ WARN {2}Redis at 127\.0\.0\.1:6390 is unreachable {2}error=StorageUnavailableError cause="StorageUnavailableError < RedisTimeoutError"$/);
    expect(lines[2]).toMatch(/ DEBUG turn stages {2}stages=\{"load":0\.4,"compute":1\.2\}$/);
    expect(lines.join('\n')).not.toContain('"level"');
  });

  it('colours the level only when asked (a terminal)', () => {
    const json = JSON.stringify({ level: 50, time: '2026-12-04T11:00:00.000Z', msg: 'turn', error: 'TypeError' });
    expect(formatPrettyLine(json)).toBe('11:00:00.000 ERROR turn  error=TypeError');
    expect(formatPrettyLine(json, true)).toBe('11:00:00.000 \u001b[31mERROR\u001b[0m turn  error=TypeError');
  });

  it('passes lines that are not JSON through unchanged', () => {
    expect(formatPrettyLine('not json at all\n')).toBe('not json at all');
  });
});
