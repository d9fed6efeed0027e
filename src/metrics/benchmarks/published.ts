/**
 * Published cost-per-contact benchmarks shipped with percontact (DESIGN appendix B). Versioned: a
 * changed figure is a new version, so a report can say which table it compared against. Every
 * figure names its source and year; where the original source could not be found, it says so.
 */
export interface Benchmark {
  id: string;
  metric: 'costPerContact' | 'costPerCall' | 'labourShare';
  /** The channel the figure is for; undefined: all channels. */
  channel?: string;
  value: string;
  /** ISO 4217 for money figures; undefined for ratios. */
  currency?: string;
  source: string;
  year: number | null;
  note?: string;
}

export const BENCHMARK_TABLE_VERSION = '2026.1';

export const PUBLISHED_BENCHMARKS: readonly Benchmark[] = [
  {
    id: 'industry-average',
    metric: 'costPerContact',
    value: '7.16',
    currency: 'USD',
    source: 'LiveAgent glossary "cost per contact" (original source not found)',
    year: null,
  },
  {
    id: 'contactbabel-us-voice',
    metric: 'costPerContact',
    channel: 'voice',
    value: '5.25',
    currency: 'USD',
    source: 'ContactBabel US contact center report, inbound call (as quoted by incent.info)',
    year: null,
    note: 'earlier edition: 6.69',
  },
  {
    id: 'contactbabel-us-email',
    metric: 'costPerContact',
    channel: 'email',
    value: '4.42',
    currency: 'USD',
    source: 'ContactBabel US contact center report, email (as quoted by incent.info)',
    year: null,
    note: 'earlier edition: 4.14',
  },
  {
    id: 'contactbabel-us-chat',
    metric: 'costPerContact',
    channel: 'chat',
    value: '3.82',
    currency: 'USD',
    source: 'ContactBabel US contact center report, web chat (as quoted by incent.info)',
    year: null,
    note: 'earlier edition: 3.64',
  },
  {
    id: 'contactbabel-uk-call',
    metric: 'costPerCall',
    channel: 'voice',
    value: '6.26',
    currency: 'GBP',
    source: 'ContactBabel UK contact centre decision-makers guide 2023-24, quoted by Call Centre Helper',
    year: 2023,
    note: 'USD 7.68',
  },
  {
    id: 'gartner-live',
    metric: 'costPerContact',
    value: '8.01',
    currency: 'USD',
    source: 'Gartner customer service and support leaders poll, live channels',
    year: 2019,
  },
  {
    id: 'gartner-self-service',
    metric: 'costPerContact',
    channel: 'self_service',
    value: '0.10',
    currency: 'USD',
    source: 'Gartner customer service and support leaders poll, self-service (about 0.10)',
    year: 2019,
  },
  {
    id: 'tsia-self-service',
    metric: 'costPerContact',
    channel: 'self_service',
    value: '0.06',
    currency: 'USD',
    source: 'TSIA, self-service interaction',
    year: 2011,
  },
  {
    id: 'curtis-barry-retail-call',
    metric: 'costPerCall',
    channel: 'voice',
    value: '5.89',
    currency: 'USD',
    source: 'F. Curtis Barry & Co., cost per call answered, retail catalog (range 3.39–9.51)',
    year: null,
  },
  {
    id: 'nao-uk-government-call',
    metric: 'costPerCall',
    channel: 'voice',
    value: '3.70',
    currency: 'GBP',
    source: 'UK National Audit Office, government call centres (GBP 350 m ÷ 95 m calls)',
    year: 2002,
  },
  {
    id: 'labour-share',
    metric: 'labourShare',
    value: '0.74',
    source:
      'contact-centre outsourcing costing study (74 % human resources); Strategic Contact: about 2/3–3/4',
    year: null,
  },
];
