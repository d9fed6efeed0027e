import { describe, expect, it } from 'vitest';
import { FollowUps } from './follow-ups.js';
import { Random } from './random.js';

const HOUR = 3_600_000;

function followUp(dueMs: number, customer: string) {
  return { dueMs, customer, queue: 'billing', topic: 'refund' };
}

describe('FollowUps', () => {
  it('hands out due follow-ups earliest first, per channel, and nothing before it is due', () => {
    const followUps = new FollowUps();
    const random = new Random(1);
    const dues = Array.from({ length: 200 }, () => Math.floor(random.next() * 48 * HOUR));
    dues.forEach((due, i) => {
      followUps.add('voice', followUp(due, `c${i}`));
    });
    followUps.add('email', followUp(0, 'mail'));
    expect(followUps.take('voice', -1)).toBeUndefined();
    const taken: number[] = [];
    for (let f = followUps.take('voice', 48 * HOUR); f; f = followUps.take('voice', 48 * HOUR))
      taken.push(f.dueMs);
    expect(taken).toEqual([...dues].sort((a, b) => a - b));
    expect(followUps.take('email', 0)?.customer).toBe('mail');
    expect(followUps.take('chat', 1e15)).toBeUndefined();
  });

  it('drops follow-ups more than three days overdue', () => {
    const followUps = new FollowUps();
    followUps.add('chat', followUp(0, 'stale'));
    followUps.add('chat', followUp(10 * 24 * HOUR, 'fresh'));
    expect(followUps.take('chat', 10 * 24 * HOUR)?.customer).toBe('fresh');
    expect(followUps.take('chat', 20 * 24 * HOUR)).toBeUndefined();
  });
});
