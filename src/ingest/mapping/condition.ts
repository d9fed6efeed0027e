import { UserError } from '../../errors.js';
import { seconds } from './parsers.js';
import type { ColumnTest, Condition } from './schema.js';
import { cell, lit, litList, num } from './sql.js';
import type { ValueContext } from './value.js';

/**
 * A `when` condition as SQL that is TRUE or FALSE, never NULL: every entry must hold; `any` / `all`
 * take lists of conditions. A key names a column, or alternatives ("Via|via_channel": the first the
 * file has); a trailing "?" lets the column be missing (read as empty). Text compares trimmed and
 * case-insensitively; gt/ge/lt/le read the column as a number or a duration (0:02:33 = 153).
 */
export function compileCondition(
  condition: Condition,
  ctx: Pick<ValueContext, 'columns' | 'decimal' | 'field'>,
): string {
  const parts = Object.entries(condition).map(([key, test]) => {
    if ((key === 'any' || key === 'all') && Array.isArray(test) && test.every(isCondition)) {
      const inner = (test as Condition[]).map((c) => compileCondition(c, ctx));
      if (inner.length === 0) return key === 'all' ? 'TRUE' : 'FALSE';
      return `(${inner.join(key === 'any' ? ' OR ' : ' AND ')})`;
    }
    // "Via|via_channel": the first of these columns the file has; a trailing "?": may be missing (then empty).
    const optional = key.endsWith('?');
    const names = (optional ? key.slice(0, -1) : key).split('|').map((n) => n.trim());
    const ref = optional ? ctx.columns.find(names) : ctx.columns.require(names, `${ctx.field} (condition)`);
    const text = ref ? cell(ref.sql) : 'CAST(NULL AS VARCHAR)';
    return columnTest(text, test as ColumnTest, ctx.decimal, `${ctx.field}: ${key}`);
  });
  return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
}

function isCondition(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function columnTest(text: string, test: ColumnTest, decimal: '.' | ',', where: string): string {
  const lower = `lower(${text})`;
  const values = (v: string | readonly string[]) =>
    litList((typeof v === 'string' ? [v] : v).map((x) => x.toLowerCase()));
  if (typeof test === 'string') return `coalesce(${lower} = ${lit(test.toLowerCase())}, FALSE)`;
  if (Array.isArray(test)) return `coalesce(${lower} IN (${values(test)}), FALSE)`;
  const checks: string[] = [];
  const t = test as Exclude<ColumnTest, string | string[]>;
  if (t.not !== undefined) checks.push(`(${text} IS NULL OR ${lower} NOT IN (${values(t.not)}))`);
  if (t.in !== undefined) checks.push(`coalesce(${lower} IN (${values(t.in)}), FALSE)`);
  if (t.empty !== undefined) checks.push(t.empty ? `${text} IS NULL` : `${text} IS NOT NULL`);
  const value = seconds(text, decimal);
  const compare = (op: string, n: number | undefined) =>
    n !== undefined && checks.push(`coalesce(${value} ${op} ${num(n)}, FALSE)`);
  compare('>', t.gt);
  compare('>=', t.ge);
  compare('<', t.lt);
  compare('<=', t.le);
  if (t.matches !== undefined) {
    try {
      // The engine's RE2 syntax; JavaScript checks it without RE2's leading inline flags.
      new RegExp(t.matches.replace(/^\(\?[a-z]+\)/, ''));
    } catch {
      throw new UserError('USAGE', `mapping: ${where}: "${t.matches}" is not a regular expression`);
    }
    checks.push(`coalesce(regexp_matches(${text}, ${lit(t.matches)}), FALSE)`);
  }
  if (checks.length === 0) throw new UserError('USAGE', `mapping: ${where}: empty test`);
  return `(${checks.join(' AND ')})`;
}
