/**
 * The StateStore contract: a port of botbuilder's storage base tests
 * (botbuilder-core tests/storageBaseTests.js), run against every backend.
 * A new backend calls `describeStorageContract('name', factory)` from its own *.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageConflictError } from '../../src/storage/errors';
import type { StateStore } from '../../src/storage/types';

/** Registers the contract tests for one backend; `createStore` gives a fresh, empty store each time. */
export function describeStorageContract(name: string, createStore: () => Promise<StateStore>): void {
  describe(`StateStore contract: ${name}`, () => {
    let store: StateStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('returns an empty object when reading unknown keys', async () => {
      expect(Object.keys(await store.read(['unknown-1', 'unknown-2']))).toEqual([]);
    });

    it('returns only the keys that exist', async () => {
      await store.write({ present: { n: 1 } });
      const items = await store.read(['present', 'absent']);
      expect(Object.keys(items)).toEqual(['present']);
    });

    it('rejects null keys on read, write and delete', async () => {
      await expect(store.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
      await expect(store.write(null as unknown as Record<string, never>)).rejects.toThrow(ReferenceError);
      await expect(store.delete(null as unknown as string[])).rejects.toThrow(ReferenceError);
    });

    it('accepts an empty write', async () => {
      await expect(store.write({})).resolves.toBeUndefined();
    });

    it('creates objects and gives them an eTag', async () => {
      await store.write({ a: { id: 1, nested: { list: [1, 'two'] } }, 'b/c': { text: 'Xin chào' } });
      const items = await store.read(['a', 'b/c']);
      expect(items.a).toMatchObject({ id: 1, nested: { list: [1, 'two'] } });
      expect(items['b/c']).toMatchObject({ text: 'Xin chào' });
      expect(typeof items.a?.eTag).toBe('string');
      expect(items.a?.eTag).not.toBe('*');
    });

    it('accepts any string as a key', async () => {
      const keys = ['!@#$%^&*()_+??><":QASD~`', '', ' ', 'a'.repeat(2_000), 'tiếng việt/🙂', "'; DROP TABLE state; --", '__proto__'];
      const changes: Record<string, { value: number }> = Object.create(null);
      keys.forEach((key, index) => (changes[key] = { value: index }));
      await store.write(changes);
      const items = await store.read(keys);
      keys.forEach((key, index) => expect(items[key]).toMatchObject({ value: index }));
      expect(Object.keys(items).sort()).toEqual([...keys].sort());
    });

    it('updates with the current eTag and rejects a stale eTag', async () => {
      await store.write({ k: { count: 1 } });
      const first = (await store.read(['k'])).k!;
      await store.write({ k: { ...first, count: 2 } });
      const second = (await store.read(['k'])).k!;
      expect(second.count).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
      await expect(store.write({ k: { ...first, count: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
      await expect(store.write({ k: { ...first, count: 3 } })).rejects.toThrow(/eTag conflict.*read it again/);
      expect((await store.read(['k'])).k?.count).toBe(2);
    });

    it('overwrites with eTag "*" or without an eTag', async () => {
      await store.write({ k: { count: 1 } });
      await store.write({ k: { count: 2, eTag: '*' } });
      expect((await store.read(['k'])).k?.count).toBe(2);
      await store.write({ k: { count: 3 } });
      expect((await store.read(['k'])).k?.count).toBe(3);
    });

    it('deletes objects, and deleting an unknown key is fine', async () => {
      await store.write({ gone: { x: 1 }, kept: { x: 2 } });
      await store.delete(['gone', 'never-existed']);
      await store.delete(['gone']);
      expect(await store.read(['gone', 'kept'])).toEqual({ kept: expect.objectContaining({ x: 2 }) });
    });

    it('performs batch operations', async () => {
      await store.write({ b1: { n: 1 }, b2: { n: 2 }, b3: { n: 3 } });
      expect(Object.keys(await store.read(['b1', 'b2', 'b3'])).sort()).toEqual(['b1', 'b2', 'b3']);
      await store.delete(['b1', 'b2', 'b3']);
      expect(await store.read(['b1', 'b2', 'b3'])).toEqual({});
    });

    it('returns copies: changing a read item does not change the store', async () => {
      await store.write({ k: { list: [1] } });
      const item = (await store.read(['k'])).k as { list: number[] };
      item.list.push(2);
      expect((await store.read(['k'])).k).toMatchObject({ list: [1] });
    });

    it('answers ping while open and close is idempotent', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await store.close();
    });
  });
}
