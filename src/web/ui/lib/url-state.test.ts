import { describe, expect, it } from 'vitest';
import { preferredLang, readState, writeState } from './url-state.js';

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
