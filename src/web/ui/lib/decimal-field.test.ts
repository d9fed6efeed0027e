import { describe, expect, it } from 'vitest';
import { decimalParam, fieldText } from './decimal-field.js';

describe('number fields in the reader’s language', () => {
  it('shows the address’s decimal points as German decimal commas', () => {
    expect(fieldText('0.8', 'de')).toBe('0,8');
    expect(fieldText('0.3', 'de')).toBe('0,3');
    expect(fieldText('20', 'de')).toBe('20');
    expect(fieldText('0.8', 'en')).toBe('0.8');
  });

  it('reads decimal commas, grouping dots and plain points as the API’s decimal text', () => {
    expect(decimalParam('0,85')).toBe('0.85');
    expect(decimalParam(' 0,9 ')).toBe('0.9');
    expect(decimalParam('1.234,5')).toBe('1234.5');
    expect(decimalParam('0.8')).toBe('0.8');
    expect(decimalParam(',5')).toBe('0.5');
    expect(decimalParam('')).toBe('');
    expect(decimalParam('achtzig')).toBe('achtzig');
  });
});
