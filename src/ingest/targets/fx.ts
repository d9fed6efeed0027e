import { FX_RATES_TABLE } from '../../engine/schema.js';
import type { FieldDef } from '../mapping/fields.js';
import { lit } from '../mapping/sql.js';
import { m, type Target, v } from './target.js';

/** Canonical exchange-rate columns: one unit of `currency` is worth `rate` units of the workspace currency on `date`. */
export const FX_FIELDS: readonly FieldDef[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'currency', kind: 'currency', required: true },
  { name: 'rate', kind: 'decimal', required: true },
];

export const fxTarget: Target = {
  kind: 'fx',
  table: FX_RATES_TABLE,
  sourced: false,
  fields: FX_FIELDS,
  columns: () => ({ date: v('date'), currency: v('currency'), rate: v('rate') }),
  checks: (ctx) => [
    {
      test: `(starts_with(${m('rate')}, '-') OR NOT regexp_matches(${m('rate')}, '[1-9]'))`,
      label: 'rate',
      raw: m('rate'),
      reason: 'is not above 0',
    },
    {
      test: `${m('currency')} = ${lit(ctx.currency)} AND NOT regexp_full_match(${m('rate')}, '0*1(\\.0*)?')`,
      label: 'currency',
      raw: m('currency'),
      reason: `is the workspace currency, whose rate can only be 1`,
    },
  ],
};
