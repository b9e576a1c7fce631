import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store';

describe('createStore (STORAGE_URL)', () => {
  it('creates a working memory store', async () => {
    const store = await createStore('memory:');
    await store.write({ k: { v: 1 } });
    expect((await store.read(['k'])).k).toMatchObject({ v: 1 });
    await store.close();
  });

  it('names STORAGE_URL and the known schemes for an unknown scheme', async () => {
    await expect(createStore('mongodb://localhost/x')).rejects.toThrow(/STORAGE_URL has unknown scheme 'mongodb:'.*sqlite:, memory:/);
  });

  it('refuses sqlite: without a file name', async () => {
    await expect(createStore('sqlite:')).rejects.toThrow(/names no file/);
  });
});
