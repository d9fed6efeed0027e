import type { DemoChannel } from './profile.js';

/** A customer who will contact the center again about the same matter. */
export interface FollowUp {
  dueMs: number;
  customer: string;
  queue: string;
  topic: string;
}

/** Follow-ups nobody picked up within this long after they fell due are dropped (the customer gave up). */
const EXPIRY_MS = 3 * 86_400_000;

/**
 * Pending repeat contacts per channel, earliest due first (a binary min-heap). A later contact on
 * that channel takes the earliest due one, so repeats reuse the channel's volume instead of adding
 * to it.
 */
export class FollowUps {
  private readonly heaps = new Map<DemoChannel, FollowUp[]>();

  add(channel: DemoChannel, followUp: FollowUp): void {
    let heap = this.heaps.get(channel);
    if (!heap) {
      heap = [];
      this.heaps.set(channel, heap);
    }
    heap.push(followUp);
    siftUp(heap, heap.length - 1);
  }

  /** The earliest follow-up on the channel that is due at `nowMs`, if any. */
  take(channel: DemoChannel, nowMs: number): FollowUp | undefined {
    const heap = this.heaps.get(channel);
    while (heap && heap.length > 0) {
      const first = heap[0] as FollowUp;
      if (first.dueMs > nowMs) return undefined;
      removeFirst(heap);
      if (nowMs - first.dueMs <= EXPIRY_MS) return first;
    }
    return undefined;
  }
}

function removeFirst(heap: FollowUp[]): void {
  const last = heap.pop() as FollowUp;
  if (heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0);
}

function siftUp(heap: FollowUp[], start: number): void {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (due(heap, parent) <= due(heap, i)) return;
    swap(heap, i, parent);
    i = parent;
  }
}

function siftDown(heap: FollowUp[], start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && due(heap, left) < due(heap, smallest)) smallest = left;
    if (right < heap.length && due(heap, right) < due(heap, smallest)) smallest = right;
    if (smallest === i) return;
    swap(heap, i, smallest);
    i = smallest;
  }
}

function due(heap: FollowUp[], index: number): number {
  return (heap[index] as FollowUp).dueMs;
}

function swap(heap: FollowUp[], i: number, j: number): void {
  const t = heap[i] as FollowUp;
  heap[i] = heap[j] as FollowUp;
  heap[j] = t;
}
