import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('sends calls made together as one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      (items: number[]) => {
        batches.push(items);
        return Promise.resolve(items.map((i) => i * 10));
      },
      { maxSize: 100, maxInFlight: 1 },
    );
    expect(await Promise.all([1, 2, 3].map((i) => batcher.submit(i)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('splits at maxSize and gathers calls made while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxSize: 2, maxInFlight: 1 },
    );
    const first = [1, 2, 3].map((i) => batcher.submit(i));
    await new Promise((r) => setImmediate(r));
    const later = [4, 5].map((i) => batcher.submit(i));
    release();
    expect(await Promise.all([...first, ...later])).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('re-runs a failed batch item by item, so only the bad item fails', async () => {
    const batcher = new MicroBatcher(
      (items: number[]) =>
        items.includes(2) ? Promise.reject(new Error('bad item 2')) : Promise.resolve(items),
      { maxSize: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((i) => batcher.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('bad item 2'));
  });
});
