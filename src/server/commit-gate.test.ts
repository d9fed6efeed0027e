import { describe, expect, it } from 'vitest';
import { CommitGate } from './commit-gate.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('CommitGate', () => {
  it('lets reads run together, makes a commit wait for them and holds later reads until it is over', async () => {
    const gate = new CommitGate();
    const log: string[] = [];
    let finishRead = () => {};
    const first = gate.read(async () => {
      log.push('read 1 starts');
      await new Promise<void>((resolve) => {
        finishRead = resolve;
      });
      log.push('read 1 ends');
    });
    const second = gate.read(async () => {
      log.push('read 2 runs');
    });
    await second;
    const committed = gate.exclusive().then(async (release) => {
      log.push('commit');
      await tick();
      log.push('commit done');
      release();
    });
    await tick();
    const third = gate.read(async () => {
      log.push('read 3 runs');
    });
    await tick();
    expect(log).toEqual(['read 1 starts', 'read 2 runs']);
    finishRead();
    await Promise.all([first, committed, third]);
    expect(log).toEqual([
      'read 1 starts',
      'read 2 runs',
      'read 1 ends',
      'commit',
      'commit done',
      'read 3 runs',
    ]);
  });

  it('never lets a read and a commit overlap under load', async () => {
    const gate = new CommitGate();
    let reading = 0;
    let committing = false;
    const overlaps: string[] = [];
    const read = () =>
      gate.read(async () => {
        reading++;
        if (committing) overlaps.push('read during commit');
        await tick();
        reading--;
      });
    const commit = async () => {
      const release = await gate.exclusive();
      committing = true;
      if (reading > 0) overlaps.push('commit during read');
      await tick();
      committing = false;
      release();
    };
    await Promise.all([
      ...Array.from({ length: 40 }, read),
      commit(),
      ...Array.from({ length: 40 }, read),
      commit(),
      commit(),
    ]);
    expect(overlaps).toEqual([]);
    expect(reading).toBe(0);
  });
});
