import { describe, expect, it } from 'vitest';
import { sortRows } from './sort.js';

describe('sorting table rows', () => {
  const rows = [
    { name: 'voice', cpc: '5.03' },
    { name: 'self_service', cpc: null },
    { name: 'email', cpc: '10.10' },
    { name: 'chat', cpc: '3.42' },
  ];

  it('sorts decimal text as numbers, not as text ("10.10" after "5.03")', () => {
    expect(sortRows(rows, (r) => r.cpc, 'ascending', 'en').map((r) => r.name)).toEqual([
      'chat',
      'voice',
      'email',
      'self_service',
    ]);
  });

  it('keeps missing figures last when descending too', () => {
    expect(sortRows(rows, (r) => r.cpc, 'descending', 'en').map((r) => r.name)).toEqual([
      'email',
      'voice',
      'chat',
      'self_service',
    ]);
  });

  it('sorts names in the language of the reader', () => {
    // DIN 5007: Ä sorts as A, so "Änderung" (A-n-d) comes before "Anfrage" (A-n-f); by code point Ä would follow Z.
    const names = [{ n: 'Zahlung' }, { n: 'Anfrage' }, { n: 'Änderung' }];
    expect(sortRows(names, (r) => r.n, 'ascending', 'de').map((r) => r.n)).toEqual([
      'Änderung',
      'Anfrage',
      'Zahlung',
    ]);
  });
});
