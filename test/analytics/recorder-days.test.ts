/** The recorder counts each turn on its own UTC day, the day being worked out once per day. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/types';
import { readDays } from '../../src/analytics/day-store';
import { createAnalyticsRecorder } from '../../src/analytics/recorder';
import { createMemoryStore } from '../../src/storage/memory-store';

const turn: EngineEvent[] = [{ type: 'dialog_started', dialog: 'quiz' }];

describe('analytics days', () => {
  it('puts turns before, at and after midnight UTC on their own days, and a clock set back on the earlier day', async () => {
    const store = createMemoryStore();
    let clock = '';
    const recorder = createAnalyticsRecorder({ store, flushIntervalMs: 0, now: () => new Date(clock) });
    for (const at of ['2031-05-17T23:59:59.999Z', '2031-05-17T12:00:00Z', '2031-05-18T00:00:00.000Z', '2031-05-18T23:00:00Z', '2031-05-17T23:00:00Z', '2031-05-20T01:00:00Z']) {
      clock = at;
      recorder.record(turn, 'en');
    }
    await recorder.close();
    const days = await readDays(store, '2031-05-17', '2031-05-20');
    expect(days.map((d) => [d.day, d.counts['started|quiz'] ?? 0])).toEqual([['2031-05-17', 3], ['2031-05-18', 2], ['2031-05-20', 1]]);
  });
});
