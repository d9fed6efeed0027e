import { describe, expect, it } from 'vitest';
import { texts } from '../i18n/texts.js';
import { missingInputs, monthsWithContacts, type StatusCell } from './coverage-map.js';

const cell = (month: string, over: Partial<StatusCell> = {}): StatusCell => ({
  month,
  channel: 'voice',
  contacts: 10,
  handled: 8,
  handledWithHandleTime: 8,
  costLines: 3,
  agentTimeSeconds: 3600,
  ...over,
});

describe('the coverage map', () => {
  it('keeps the months from the first to the last with contacts, gaps inside included', () => {
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const cells = [
      cell('2026-06', { contacts: 0 }),
      cell('2026-07'),
      cell('2026-08', { contacts: 0 }),
      cell('2026-09'),
      cell('2026-10', { contacts: 0, costLines: 2 }),
    ];
    expect(monthsWithContacts({ months, cells })).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('names what a cell lacks: cost lines, handle time of some handled contacts, agent time', () => {
    const en = texts('en');
    expect(missingInputs(cell('2026-10'), en)).toEqual([]);
    expect(
      missingInputs(cell('2026-10', { costLines: 0, handledWithHandleTime: 7, agentTimeSeconds: 0 }), en),
    ).toEqual(['cost lines', 'handle time', 'agent time']);
    expect(missingInputs(cell('2026-10', { contacts: 0, costLines: 0 }), en)).toEqual([]);
  });
});
