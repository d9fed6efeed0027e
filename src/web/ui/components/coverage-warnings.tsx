import type { Granularity } from '../../../calendar/period.js';
import type { Note as ReportNote } from '../../../metrics/notes.js';
import { localeFormat } from '../../../report/locale.js';
import { noteText } from '../../../report/note-text.js';
import { useDashboard } from '../context.js';
import type { Texts } from '../i18n/texts.js';
import type { Report } from '../lib/types.js';

/** What each period of the range lacks: partial periods, missing inputs, contacts without any cost. */
export function coverageWarnings(report: Report, tx: Texts): string[] {
  const out: string[] = [];
  for (const p of report.periodTotals) {
    const period = tx.period(p.period);
    if (p.partial) out.push(tx.t('coveragePartial', { period }));
    const missing = [
      !p.coverage.contacts && tx.t('inputContacts'),
      !p.coverage.costs && tx.t('inputCosts'),
      !p.coverage.handleTime && tx.t('inputHandleTime'),
      !p.coverage.agentTime && tx.t('inputAgentTime'),
    ].filter((x): x is string => typeof x === 'string');
    if (missing.length > 0) out.push(tx.t('coverageMissing', { period, inputs: missing.join(', ') }));
    if (p.coverage.contactsWithoutCost > 0)
      out.push(tx.t('coverageWithoutCost', { period, count: tx.count(p.coverage.contactsWithoutCost) }));
  }
  return out;
}

/** The report's notes in the reader's language. */
export function reportNotes(report: Report, tx: Texts): string[] {
  const out: string[] = [];
  const format = localeFormat(tx.locale, report.currency, report.granularity as Granularity);
  // The report's notes are data (code and values) and read in either language; a row's notes repeat them as English text.
  const english = new Set(report.notes.map((n) => n.text));
  for (const note of report.notes) out.push(noteText(note as unknown as ReportNote, format));
  const rowNotes = [...report.periodTotals, ...report.rows].flatMap((r) => r.notes as unknown[]);
  for (const note of rowNotes) {
    const text = typeof note === 'string' ? note : (note as { text?: string }).text;
    if (text && !english.has(text) && !out.includes(text)) out.push(text);
  }
  return out;
}

export function CoverageWarnings({ report }: { report: Report }) {
  const { tx } = useDashboard();
  const warnings = coverageWarnings(report, tx);
  const notes = reportNotes(report, tx);
  return (
    <section class={`coverage ${warnings.length > 0 ? 'warn' : 'ok'}`} aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{tx.t('coverageHeading')}</h2>
      {warnings.length === 0 ? (
        <p>{tx.t('coverageOk')}</p>
      ) : (
        <ul class="warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul class="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
