import { describe, expect, it } from 'vitest';
import { winAnsi } from './pdf-text.js';

describe('winAnsi', () => {
  it('keeps Latin-1 and the WinAnsi extras, spells the rest', () => {
    expect(winAnsi('Größe 1.234,56 € „gelöst“ – …')).toBe('Größe 1.234,56 € „gelöst“ – …');
    expect(winAnsi('Σ a − b ≥ c ≤ d → e')).toBe('sum a - b >= c <= d -> e');
    // Δ is a change, never ±: it becomes a word of the report's language
    expect(winAnsi('Δ cost %')).toBe('change in cost %');
    expect(winAnsi('Δ Kosten %', 'de')).toBe('Änderung Kosten %');
    // ū has no WinAnsi code: its letter stays; a lone combining macron (w̄) goes; CJK has no stand-in
    expect(winAnsi('ū w̄ 漢')).toBe('u w ?');
  });
});
