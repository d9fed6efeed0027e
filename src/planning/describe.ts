import type { StaffingTargets } from './erlang/staffing.js';

/** Headings that say what was staffed against what, in words. */
export const percent = (share: number) => `${+(share * 100).toFixed(2)}%`;

export function modelText(patience: number | undefined): string {
  return patience === undefined ? 'Erlang C' : `Erlang A, patience ${patience} s`;
}

export function targetText(t: StaffingTargets, shrinkage: number): string {
  const parts = [
    t.serviceLevel === undefined
      ? undefined
      : `SL >= ${percent(t.serviceLevel)} within ${t.answerWithinSeconds} s`,
    t.maxAsaSeconds === undefined ? undefined : `ASA <= ${t.maxAsaSeconds} s`,
    t.maxAbandon === undefined ? undefined : `abandonment <= ${percent(t.maxAbandon)}`,
    t.maxOccupancy === undefined || t.maxOccupancy === 1
      ? undefined
      : `occupancy <= ${percent(t.maxOccupancy)}`,
    `shrinkage ${percent(shrinkage)}`,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}
