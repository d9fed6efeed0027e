import { describe, expect, it } from 'vitest';
import { texts } from '../i18n/texts.js';
import { type WaterfallStep, waterfallOption } from './chart-options.js';

const tx = texts('en');
const axisOf = (steps: WaterfallStep[]) => waterfallOption(steps, tx).yAxis as Record<string, unknown>;

describe('waterfall axis', () => {
  it('starts at 0 and cuts out the span below the lowest bar, as a break', () => {
    // 4.91 − 0.10 = 4.81 is the lowest point any bar reaches; 90 % of it is 4.329, floored to cents.
    const axis = axisOf([
      { key: 'start', label: 'Sep', value: 4.91, kind: 'level' },
      { key: 'down', label: 'volume', value: -0.1, kind: 'down' },
      { key: 'up', label: 'cost', value: 0.19, kind: 'up' },
      { key: 'end', label: 'Oct', value: 5.0, kind: 'level' },
    ]);
    expect(axis.min).toBe(0);
    expect(axis.breaks).toEqual([expect.objectContaining({ start: 0, end: 4.32 })]);
  });

  it('draws no break where a bar reaches below 0, and leaves room under it', () => {
    const axis = axisOf([
      { key: 'start', label: 'Sep', value: 0.5, kind: 'level' },
      { key: 'down', label: 'fall', value: -0.75, kind: 'down' },
      { key: 'end', label: 'Oct', value: -0.25, kind: 'level' },
    ]);
    // The lowest point: 0.5 − 0.75 = −0.25; 110 % of it is −0.275, floored to cents.
    expect(axis.min).toBe(-0.28);
    expect(axis.breaks).toBeUndefined();
  });
});
