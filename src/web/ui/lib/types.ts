/** The parts of the API's answers the dashboard reads (docs/server.md, docs/report-formats.md). */

export type Role = 'viewer' | 'analyst' | 'admin';

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

export interface DriversSegment {
  dimensions: Record<string, string | null>;
  status: string;
  contacts: [number, number];
  costPerContact: [string | null, string | null];
  mix: string;
  costGrowth: string;
  volumeGrowth: string;
  own: string;
  total: string;
}

export interface Drivers {
  currency: string;
  periods: { label: string; from: string; to: string }[];
  contacts: [number, number];
  cost: [string, string];
  costPerContact: [string | null, string | null];
  change: string | null;
  bridge: Record<
    'mix' | 'costGrowth' | 'volumeGrowth' | 'entered' | 'left' | 'withoutContacts' | 'unallocated',
    string
  >;
  segments: DriversSegment[];
  labour: {
    costPerContact: [string | null, string | null];
    change: string | null;
    factors: { name: string; label: string; values: [string, string]; effect: string }[];
  } | null;
  method: string[];
  notes: (string | Note)[];
}

export interface JobView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: string | null;
  progress: number | null;
  result: ImportResult | null;
  error: { code: string; message: string } | null;
}

export interface ImportResult {
  read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  skipped: number;
  rejectsFile: string | null;
  [key: string]: unknown;
}

export interface ConfigView {
  config: { currency: string; timezone: string } & Record<string, unknown>;
  definitions: Record<string, string>;
}
