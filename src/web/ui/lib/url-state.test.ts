import { describe, expect, it } from 'vitest';
import { preferredLang, readState, stateForView, writeState } from './url-state.js';

describe('the state in the address bar', () => {
  it("reads the API's parameter names and the dashboard's own", () => {
    const s = readState('?period=month&from=2026-08&to=2026-10&by=channel&lang=de');
    expect(s).toEqual({
      view: 'overview',
      lang: 'de',
      period: 'month',
      from: '2026-08',
      to: '2026-10',
      by: 'channel',
      extra: {},
    });
    expect(writeState(s)).toBe('?period=month&from=2026-08&to=2026-10&by=channel&lang=de');
  });

  it('round-trips every view with its extra parameters', () => {
    const search =
      '?view=staffing&period=week&from=2026-W41&to=2026-W41&by=team&channel=voice&sl=0.8&lang=en';
    expect(writeState(readState(search))).toBe(search);
  });

  it('drops what cannot be meant instead of guessing', () => {
    const s = readState('?view=admin&period=fortnight&from=last%20month&by=agent&target=5,00&lang=fr');
    expect(s).toEqual({ view: 'overview', period: 'month', by: 'channel', extra: {} });
  });

  it('keeps a target cost per contact as decimal text', () => {
    expect(readState('?target=5.25').target).toBe('5.25');
  });

  it('chooses German for German browsers, English otherwise', () => {
    expect(preferredLang(['de-AT', 'en'])).toBe('de');
    expect(preferredLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(preferredLang(['fr-FR'])).toBe('en');
  });
});

describe('moving between views', () => {
  const kind = (label: string) =>
    /-W\d\d$/.test(label) ? 'week' : /^\d{4}-\d{2}$/.test(label) ? 'month' : 'day';
  const months = readState('?period=month&from=2026-08&to=2026-10&sl=0.9');

  it('keeps the range where the next view reads it the same way, and drops the view parameters', () => {
    expect(stateForView(months, 'drivers', kind)).toMatchObject({
      view: 'drivers',
      from: '2026-08',
      to: '2026-10',
      extra: {},
    });
    expect(stateForView(months, 'planner', kind)).toMatchObject({ from: '2026-08', to: '2026-10' });
  });

  it("drops a range the next view would misread: months in staffing, a staffing week in the overview's months", () => {
    expect(stateForView(months, 'staffing', kind).from).toBeUndefined();
    const week = readState('?view=staffing&from=2026-W41&to=2026-W41');
    expect(stateForView(week, 'overview', kind).from).toBeUndefined();
    expect(stateForView(week, 'staffing', kind).from).toBe('2026-W41');
  });
});
