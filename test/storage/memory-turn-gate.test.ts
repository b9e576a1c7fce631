import { describe, expect, it } from 'vitest';
import { createMemoryTurnGate } from '../../src/storage/memory-turn-gate';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in-process TurnGate', () => {
  it('runs the turns of one conversation one at a time, in arrival order', async () => {
    const gate = createMemoryTurnGate();
    const log: string[] = [];
    const turn = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await wait(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      gate.run('c1', 'a1', turn('first', 30)),
      gate.run('c1', 'a2', turn('second', 1)),
      gate.run('c1', 'a3', turn('third', 1)),
    ]);
    expect(results.map((r) => r.status === 'done' && r.value)).toEqual(['first', 'second', 'third']);
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second', 'start third', 'end third']);
  });

  it('lets different conversations run in parallel', async () => {
    const gate = createMemoryTurnGate();
    const log: string[] = [];
    await Promise.all([
      gate.run('c1', undefined, async () => { log.push('c1 start'); await wait(30); log.push('c1 end'); }),
      gate.run('c2', undefined, async () => { log.push('c2 start'); await wait(1); log.push('c2 end'); }),
    ]);
    expect(log.indexOf('c2 end')).toBeLessThan(log.indexOf('c1 end'));
  });

  it('runs a redelivered activity once, even while the first delivery is running', async () => {
    const gate = createMemoryTurnGate();
    let runs = 0;
    const fn = async () => { runs += 1; await wait(10); return runs; };
    const [a, b] = await Promise.all([gate.run('c1', 'x', fn), gate.run('c1', 'x', fn)]);
    const c = await gate.run('c1', 'x', fn);
    expect([a.status, b.status, c.status]).toEqual(['done', 'duplicate', 'duplicate']);
    expect(runs).toBe(1);
  });

  it('keeps the queue going after a failing turn', async () => {
    const gate = createMemoryTurnGate();
    await expect(gate.run('c1', 'f', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(gate.run('c1', 'g', async () => 'ok')).resolves.toEqual({ status: 'done', value: 'ok' });
  });

  it('forgets the oldest keys beyond its capacity', async () => {
    const gate = createMemoryTurnGate({ dedupeCapacity: 2 });
    const fn = async () => 1;
    await gate.run('c', 'k1', fn);
    await gate.run('c', 'k2', fn);
    await gate.run('c', 'k3', fn);
    expect((await gate.run('c', 'k1', fn)).status).toBe('done');
    expect((await gate.run('c', 'k3', fn)).status).toBe('duplicate');
  });
});
