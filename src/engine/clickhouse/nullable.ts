import type { Expr } from '../query.js';
import type { ColumnDef } from '../schema.js';

/**
 * Whether an expression can be NULL, from the nullability of the columns it reads (an unknown column
 * may be). Lets the compiler leave out the guards a NULL would need.
 */
export function canBeNull(e: Expr, columns: ReadonlyMap<string, ColumnDef>): boolean {
  const any = (items: readonly Expr[]) => items.some((item) => canBeNull(item, columns));
  switch (e.kind) {
    case 'column':
    case 'localTimePart':
      return columns.get(e.kind === 'column' ? e.name : e.column)?.nullable ?? true;
    case 'literal':
      return e.value === null;
    case 'instant':
    case 'isNull':
      return false;
    case 'compare':
      return any([e.left, e.right]);
    case 'in':
    case 'not':
      return canBeNull(e.expr, columns);
    case 'and':
    case 'or':
    case 'add':
      return any(e.items);
    case 'case':
      return any([...e.cases.map((c) => c.value), e.otherwise]);
    case 'coalesce':
      return e.items.every((item) => canBeNull(item, columns));
    case 'secondsBetween':
      return any([e.from, e.to]);
    case 'divide':
      return any([e.numerator, e.denominator]);
    case 'periodIndex':
      return true;
  }
}
