import { describe, expect, it } from 'vitest';
import { ResultCache } from './result-cache.js';

describe('ResultCache', () => {
  it('computes identical requests arriving together once, even with the cache off', async () => {
    const cache = new ResultCache(0);
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { body: String(computed), type: 'application/json', etag: 'e' };
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cache.resolve('v1', 'k', compute, () => false)),
    );
    expect(computed).toBe(1);
    expect(new Set(results.map((r) => r.body))).toEqual(new Set(['1']));
    await cache.resolve('v1', 'k', compute, () => false);
    expect(computed).toBe(2);
  });

  it('serves a kept result only at its data version, and keys requests canonically', async () => {
    const cache = new ResultCache(10);
    let computed = 0;
    const compute = async () => ({ body: String(++computed), type: 'application/json', etag: 'e' });
    const key = ResultCache.key('report', { by: ['channel'], from: '2026-03' });
    expect(ResultCache.key('report', { from: '2026-03', by: ['channel'], to: undefined })).toBe(key);
    await cache.resolve('v1', key, compute, () => true);
    expect((await cache.resolve('v1', key, compute, () => true)).body).toBe('1');
    expect((await cache.resolve('v2', key, compute, () => true)).body).toBe('2');
    expect(cache.get('v1', key)).toBeUndefined();
  });
});
