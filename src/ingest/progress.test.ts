import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../engine/duckdb/engine.js';
import { progressBar } from './progress.js';

describe('progress bar', () => {
  it('draws the phase and the engine progress on a terminal stream', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let drawn = '';
    stream.on('data', (d: Buffer) => {
      drawn += d.toString();
    });
    const bar = progressBar(engine, stream);
    bar.phase('writing');
    await engine.query('SELECT count(*) FROM range(30000000) t(i) WHERE hash(i) % 7 = 0');
    await new Promise((r) => setTimeout(r, 250));
    bar.stop();
    bar.stop();
    await engine.close();
    expect(drawn).toContain('writing');
    expect(drawn).toMatch(/\d+%/);
  });
});
