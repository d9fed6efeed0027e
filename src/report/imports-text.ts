import { basename } from 'node:path';
import type { ImportEntry, ImportsView, RemoveImportView } from '../app/imports.js';
import {
  IMPORTED_TABLES,
  rowCount,
  rowName,
  type TotalName,
  type WorkspaceTotals,
} from '../app/workspace-totals.js';
import { localMinute, textTable } from '../text/text-table.js';

/** The import log as a table, oldest first, times in the workspace's zone. */
export function importsText(view: ImportsView): string {
  const { timezone } = view;
  const header = ['id', `when (${timezone})`, 'kind', 'source', 'rows', 'checksum', 'file'];
  const rows = view.imports.map((e) => [
    e.shortId,
    localMinute(e.finishedAt, timezone),
    e.kind,
    e.source ?? '',
    String(e.rowsStored),
    (e.checksums[0] ?? '').replace(/^sha256:/, '').slice(0, 12),
    fileText(e),
  ]);
  const lines =
    rows.length === 0
      ? ['no imports yet']
      : textTable([header, ...rows], (i) => (i === 4 ? 'right' : 'left'));
  const untracked = Object.entries(view.untracked).map(([k, n]) => rowCount(k as TotalName, n));
  if (untracked.length > 0)
    lines.push('', `stored before imports were recorded per row (no import id): ${untracked.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function fileText(e: ImportEntry): string {
  const [first] = e.files;
  const name = first ? basename(first) : '';
  const removed = e.removedAt ? ' (removed)' : '';
  return `${name}${e.files.length > 1 ? ` +${e.files.length - 1}` : ''}${removed}`;
}

/** What `imports remove` took out, and the workspace's totals before and after. */
export function removedText(view: RemoveImportView): string {
  const e = view.removed;
  const what = Object.entries(view.rows).map(([k, n]) => rowCount(k as TotalName, n));
  const from = `${e.kind} from ${e.files.join(', ')}${e.source ? `, source ${e.source}` : ''}`;
  const lines = [
    `removed import ${e.shortId} (${from}): ${what.length > 0 ? what.join(', ') : 'no rows were still stored'}`,
    '',
    ...textTable([['', 'before', 'after'], ...pairs(view.before, view.after, view.currency)]),
  ];
  return `${lines.join('\n')}\n`;
}

function pairs(before: WorkspaceTotals, after: WorkspaceTotals, currency: string): string[][] {
  const currencies = [...new Set([currency, ...Object.keys(before.cost), ...Object.keys(after.cost)])];
  return [
    ...IMPORTED_TABLES.filter(({ total }) => total === 'contacts' || before[total] + after[total] > 0).map(
      ({ total }) => [rowName(total), String(before[total]), String(after[total])],
    ),
    ...currencies.map((c) => [`cost (${c})`, before.cost[c] ?? '0', after.cost[c] ?? '0']),
    ...(before.staffedHours + after.staffedHours > 0
      ? [['staffed hours', before.staffedHours.toFixed(1), after.staffedHours.toFixed(1)]]
      : []),
  ];
}
