import type { Expr } from '../query.js';

type PeriodIndex = Extract<Expr, { kind: 'periodIndex' }>;

/**
 * Whether a WHERE keeps every row's `column` within the period index's first and last boundary:
 * among its top-level conjuncts are `column >= first` and `column < last`, with the very same
 * boundaries (an instant or a date written as the index writes it).
 */
export function keepsWithin(where: Expr | undefined, index: PeriodIndex): boolean {
  const first = index.boundaries[0];
  const last = index.boundaries[index.boundaries.length - 1];
  if (where === undefined || first === undefined || last === undefined) return false;
  const terms = conjuncts(where);
  const has = (op: '>=' | '<', bound: Date | string) =>
    terms.some(
      (t) =>
        t.kind === 'compare' &&
        t.op === op &&
        t.left.kind === 'column' &&
        t.left.name === index.column &&
        sameBound(t.right, bound),
    );
  return has('>=', first) && has('<', last);
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'and' ? e.items.flatMap(conjuncts) : [e];
}

function sameBound(e: Expr, bound: Date | string): boolean {
  if (typeof bound === 'string') return e.kind === 'literal' && e.value === bound;
  return e.kind === 'instant' && e.value.getTime() === bound.getTime();
}
