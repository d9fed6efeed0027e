import { describe, expect, it } from 'vitest';
import { texts } from '../i18n/texts.js';
import type { Report, ReportRow } from '../lib/types.js';
import { coverageWarnings, reportNotes } from './coverage-warnings.js';

const full = {
  contacts: true,
  costs: true,
  agentTime: true,
  handleTime: true,
  contactsWithoutCost: 0,
  costWithoutContacts: null,
};

function period(label: string, over: Partial<ReportRow> = {}): ReportRow {
  return { period: label, partial: false, coverage: full, notes: [], ...over } as ReportRow;
}

function report(periodTotals: ReportRow[], notes: Report['notes'] = []): Report {
  return { currency: 'EUR', granularity: 'month', periodTotals, rows: [], notes } as unknown as Report;
}

describe('coverage warnings', () => {
  it('says nothing where every input is there', () => {
    expect(coverageWarnings(report([period('2026-10')]), texts('en'))).toEqual([]);
  });

  it('names partial periods, missing inputs and contacts left without cost, in German too', () => {
    const r = report([
      period('2026-09', { partial: true }),
      period('2026-10', { coverage: { ...full, costs: false, agentTime: false, contactsWithoutCost: 1200 } }),
    ]);
    expect(coverageWarnings(r, texts('de'))).toEqual([
      'Sept. 2026 ist eine unvollständige Periode',
      'Okt. 2026: keine Kostenzeilen, Agentenzeit',
      'Okt. 2026: 1.200 Kontakte ohne Kosten (nicht in Kosten je Kontakt enthalten)',
    ]);
  });

  it("writes the report's notes from their code and values in the reader's language", () => {
    const note = {
      code: 'asaMixed',
      values: {
        clocks: {
          clocks: [
            { channels: ['chat', 'voice'], seconds: 20 },
            { channels: ['email'], seconds: 86400 },
          ],
        },
      },
      text: 'ASA not shown where a row mixes channels answered on different clocks (chat/voice 20 s, email 86400 s); the report by channel shows each',
    };
    const [de] = reportNotes(report([period('2026-10')], [note]), texts('de'));
    expect(de).toContain('Telefon');
    expect(de).toContain('86.400');
    expect(de).not.toContain('not shown');
  });
});
