/** A binary min-heap of (time, payload) pairs in typed arrays: the agents' service completions. */
export class EventHeap {
  private times = new Float64Array(64);
  private payloads = new Int32Array(64);
  size = 0;

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const times = this.times;
    const payloads = this.payloads;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const t = times[parent] as number;
      if (t <= time) break;
      times[i] = t;
      payloads[i] = payloads[parent] as number;
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** The earliest time; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Removes the earliest event and returns its payload. */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0] as number;
    const last = --this.size;
    const time = times[last] as number;
    const payload = payloads[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (times[child + 1] as number) < (times[child] as number)) child++;
      if ((times[child] as number) >= time) break;
      times[i] = times[child] as number;
      payloads[i] = payloads[child] as number;
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const payloads = new Int32Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
