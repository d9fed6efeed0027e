import type { ImportSummary } from '../../../ingest/pipeline/summary.js';
import type { JobView as ServerJob } from '../../../server/jobs.js';

export type { ImportSummary };
/** The parts of the API's answers the dashboard reads (docs/server.md, docs/report-formats.md). */

export type { Role } from '../../../app/actor.js';

import type { Role } from '../../../app/actor.js';

export interface Me {
  name: string;
  role: Role;
  tokenId: string | null;
  dataVersion: number;
}

export interface Note {
  code: string;
  values: Record<string, unknown>;
  text: string;
}

export interface Coverage {
  contacts: boolean;
  costs: boolean;
  agentTime: boolean;
  handleTime: boolean;
  contactsWithoutCost: number;
  costWithoutContacts: string | null;
}

export interface Benchmark {
  id: string;
  source: string;
  year: number | null;
  tableVersion: string;
  published: string;
  value: string | null;
  gap: string | null;
  gapShare: number | null;
}

export interface ReportRow {
  period: string;
  channel?: string | null;
  queue?: string | null;
  team?: string | null;
  partial: boolean;
  covered: { from: string; to: string };
  coverage: Coverage;
  contacts: number;
  cost: string | null;
  costPerContact: string | null;
  handled: number;
  abandoned: number;
  ahtSeconds: number | null;
  asaSeconds: number | null;
  serviceLevel: number | null;
  abandonRate: number | null;
  fcr: number | null;
  csatMean: number | null;
  occupancy: number | null;
  labourShare: number | null;
  costByCategory: Record<string, string>;
  benchmark: Benchmark | null;
  compare?: {
    period: string;
    contacts: number;
    cost: string | null;
    costPerContact: string | null;
    change: { contacts: number; cost: string | null; costPerContact: string | null };
  };
  notes: Note[];
}

export interface Report {
  currency: string;
  timezone: string;
  granularity: string;
  from: string;
  to: string;
  by: string[];
  definitions: Record<string, string>;
  notes: Note[];
  rows: ReportRow[];
  periodTotals: ReportRow[];
  totals: ReportRow;
}

export interface ExplainCostLine {
  id: string;
  category: string;
  description: string | null;
  amount: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  periodAmount: string;
  driver: string;
  share: number;
  allocated: string;
}

export interface Explain {
  metric: string;
  period: string;
  segment: Record<string, string>;
  currency: string;
  formula: { text: string; numerator: string; denominator: string; value: string | null };
  cost: string;
  costLines?: ExplainCostLine[];
  contacts: {
    counted: number;
    withCost: number;
    byOutcome: { direction: string; outcome: string; contacts: number; counted: boolean }[];
    byChannel?: Record<string, string | number>[];
  };
  notes: (string | Note)[];
  definitions: Record<string, string>;
}

export type { DriversView as Drivers, SegmentView as DriversSegment } from '../../../metrics/drivers/view.js';

/** A job as the API shows it, its result an import's summary. */
export type JobView = Omit<ServerJob, 'result'> & { result: ImportSummary | null };

export type { ConfigView } from '../../../app/config.js';
