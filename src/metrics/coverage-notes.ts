import { formatDriver } from '../model/driver.js';
import { minorUnits } from '../money/currency.js';
import { Decimal } from '../money/decimal.js';
import type { AllocationRecord, CostPerContactReport, ReportRow } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import { moneyText, noKnownWait, occupiedBeyondStaffed, waitClocks } from './figures.js';
import { intersect } from './line-parts.js';
import { type Note, type NoteValue, note } from './notes.js';
import { noOverlapNote } from './range.js';

type ReportBase = Omit<CostPerContactReport, 'notes'>;

/**
 * Notes about the report as a whole: a ledger and contacts that do not meet, i.e. no period holds
 * both (their overall spans may still interleave: contacts in 2018 and 2021, a ledger for 2019).
 */
export function reportNotes(
  report: ReportBase,
  lines: ReadonlyArray<{ periodStart: string; periodEnd: string }>,
): Note[] {
  const withContacts = report.periodTotals.flatMap((r) =>
    r.coverage?.contactDays ? [{ days: r.coverage.days, contactDays: r.coverage.contactDays }] : [],
  );
  if (withContacts.length === 0 || lines.length === 0) return [];
  const spans = lines.map((l) => ({ from: l.periodStart, to: l.periodEnd }));
  if (withContacts.some((p) => spans.some((l) => intersect(p.days, l)))) return [];
  const contacts = {
    from: withContacts[0]?.contactDays.from as string,
    to: withContacts.at(-1)?.contactDays.to as string,
  };
  const costs = {
    from: spans.map((l) => l.from).sort()[0] as string,
    to: spans.map((l) => l.to).sort()[spans.length - 1] as string,
  };
  return [noOverlapNote(contacts, costs)];
}

/** The notes of one row: partial period, contacts without cost, fallback allocation, handle-time and wait gaps, mixed clocks. */
export function rowNotes(
  row: ReportRow,
  report: ReportBase,
  allocations: readonly AllocationRecord[],
): Note[] {
  if (!row.period) return totalNotes(row, report);
  const notes: Note[] = [];
  const period = { periods: [row.period.label] };
  const c = row.coverage;
  if (c?.partial) {
    const days = c.covered ?? c.days;
    notes.push(
      note(report.prorateToContacts ? 'partialProrated' : 'partial', {
        period,
        from: { date: days.from },
        to: { date: days.to },
        granularity: { granularity: row.period.granularity },
      }),
    );
  }
  const finest = row.unallocated || report.by.length === 0 || Object.keys(row.segment).length > 0;
  const periodTotal = report.periodTotals.find((t) => t.period?.start === row.period?.start);
  const periodUncosted = periodTotal !== undefined && periodTotal.costedMeasures.contacts === 0;
  if (row.measures.contacts > 0 && row.costedMeasures.contacts === 0 && (finest || periodUncosted)) {
    notes.push(
      note('noCost', {
        period: periodUncosted ? period : where(row, report),
        contacts: { count: (periodUncosted ? periodTotal : row).measures.contacts },
      }),
    );
  }
  if (finest && row.fallbackFrom.size > 0) notes.push(fallbackNote(row, report, allocations));
  const untimed = [...row.byChannel].filter(([, m]) => m.handled > m.handledTimed);
  if (finest && untimed.length > 0) {
    notes.push(
      note('noHandleTime', {
        period: where(row, report),
        contacts: { count: row.measures.handled - row.measures.handledTimed },
        channels: { channels: untimed.map(([ch]) => ch) },
      }),
    );
  }
  return [...notes, ...figureNotes(row, report, finest)];
}

/**
 * Why a row's service and occupancy figures are undefined (`gaps`: said on the rows where they
 * arise, not again on every breakdown above them) and where its ASA mixes service-level clocks.
 */
function figureNotes(row: ReportRow, report: ReportBase, gaps: boolean): Note[] {
  const notes: Note[] = [];
  const { measures } = row;
  if (gaps && noKnownWait(measures))
    notes.push(note('noWait', { period: where(row, report), contacts: { count: measures.handled } }));
  if (gaps && occupiedBeyondStaffed(measures)) {
    notes.push(
      note('overOccupied', {
        period: where(row, report),
        occupied: { hours: measures.occupiedSeconds / 3600 },
        staffed: { hours: measures.staffedSeconds / 3600 },
      }),
    );
  }
  const mixed = asaNote(row, report.definitions);
  return mixed ? [...notes, mixed] : notes;
}

function asaNote(row: ReportRow, d: Definitions): Note | undefined {
  const clocks = waitClocks(row, d);
  if (clocks.size < 2) return undefined;
  const list = [...clocks].sort(([a], [b]) => a - b).map(([seconds, channels]) => ({ channels, seconds }));
  return note('asaMixed', { clocks: { clocks: list } });
}

function totalNotes(row: ReportRow, report: ReportBase): Note[] {
  const notes: Note[] = [];
  const scale = minorUnits(report.definitions.currency);
  const uncosted = row.measures.contacts - row.costedMeasures.contacts;
  if (uncosted > 0) {
    const periods = report.periodTotals.filter((t) => t.measures.contacts > t.costedMeasures.contacts);
    notes.push(
      note('contactsWithoutCost', {
        contacts: { count: uncosted },
        periods: { periods: periods.map((t) => t.period?.label ?? '') },
      }),
    );
  }
  const alone = costWithoutContacts(report.periodTotals);
  if (!alone.cost.isZero()) {
    notes.push(
      note('costWithoutContacts', {
        cost: { money: moneyText(alone.cost, scale) },
        periods: { periods: alone.periods },
      }),
    );
  }
  return [...notes, ...figureNotes(row, report, true)];
}

/** The cost of periods without any contact records, and their labels. */
export function costWithoutContacts(periodTotals: readonly ReportRow[]): {
  cost: Decimal;
  periods: string[];
} {
  const alone = periodTotals.filter((t) => t.measures.rows === 0 && !t.cost.isZero());
  return {
    cost: alone.reduce((sum, t) => sum.plus(t.cost), new Decimal(0)),
    periods: alone.map((t) => t.period?.label ?? ''),
  };
}

/** Which lines of the row's period fell back, from which driver, and the segments that had no weight. */
function fallbackNote(row: ReportRow, report: ReportBase, allocations: readonly AllocationRecord[]): Note {
  const lines = new Set<string>();
  const segments = new Map<string, [string, string | null][]>();
  const drivers = new Set<string>();
  for (const a of allocations) {
    if (!a.fallback || a.period.start !== row.period?.start) continue;
    lines.add(a.line.id);
    drivers.add(formatDriver(a.fallback.from));
    for (const s of a.fallback.segments) {
      const pairs = report.by.map((d): [string, string | null] => [d, s[d] ?? null]);
      segments.set(JSON.stringify(pairs), pairs);
    }
  }
  return note('fallbackDriver', {
    period: { periods: [row.period?.label ?? ''] },
    lines: { count: lines.size },
    fallback: { text: formatDriver(report.definitions.fallbackDriver) },
    driver: { text: [...drivers].join('/') },
    segments: { segments: [...segments].sort(([a], [b]) => a.localeCompare(b)).map(([, pairs]) => pairs) },
  });
}

/** "2026-10 chat": the row's period and segment. */
function where(row: ReportRow, report: ReportBase): NoteValue {
  const segment = report.by.map((d): [string, string | null] => [d, row.segment[d] ?? null]);
  return { where: { period: row.period?.label ?? 'total', segment: row.unallocated ? [] : segment } };
}
