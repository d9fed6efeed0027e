import type { Lang } from '../i18n/texts.js';

/**
 * A number field's text as the reader writes it: the address and the API hold decimal points
 * (`sl=0.8`), a German reader sees and types decimal commas (`0,8`).
 */
export function fieldText(value: string, lang: Lang): string {
  return lang === 'de' ? value.replace('.', ',') : value;
}

/**
 * What a reader typed, as the API's decimal text: a comma is the decimal separator (dots beside it
 * group thousands, `1.234,5`); without one a dot is the decimal point, as in a link. Text that is no
 * number stays as typed, so the API names what is wrong with it.
 */
export function decimalParam(text: string): string {
  const t = text.trim().replace(/\s/g, '');
  const canonical = (t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t).replace(/^(-?)\./, '$10.');
  return /^-?\d*(\.\d+)?$/.test(canonical) && canonical !== '' ? canonical : t;
}
