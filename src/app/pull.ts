import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { type ImportOptions, importFilesTogether } from '../ingest/import-files.js';
import type { ImportSummary } from '../ingest/pipeline/summary.js';
import type { RetryPolicy } from '../sources/http.js';
import { type ApiRecord, type DayRange, LiveAgentClient } from '../sources/liveagent/client.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { auditing } from './audit.js';
import { parseRequest } from './request.js';
import { type PullLiveAgentRequest, pullLiveAgentRequest } from './requests/pull.js';

export * from './requests/pull.js';

/** The account a pull reads: never part of a request (the key comes from the front end's environment). */
export interface LiveAgentAccount {
  /** The account's address, https://ACCOUNT.ladesk.com. */
  url: string;
  apiKey: string;
  retry?: RetryPolicy;
  onProgress?: ((text: string) => void) | undefined;
}

export interface PulledKind {
  /** Records the API returned in the range. */
  fetched: number;
  pages: number;
  /** Left out: created outside the range (an API that ignored the filter), or, for tickets, a call's ticket. */
  leftOut: number;
  /** Where the records were written, as JSON Lines (empty when none came). */
  file: string | null;
}

export interface PullView {
  range: DayRange;
  folder: string;
  calls: PulledKind;
  tickets: PulledKind;
  /** The imports, one per kind that brought records: they landed together or not at all. */
  imports: ImportSummary[];
}

/**
 * `percontact pull liveagent`: fetches every page of the calls and tickets created in the range,
 * writes them as JSON Lines under the workspace's `pulls/` folder, then imports both with the
 * liveagent-calls and liveagent-tickets presets in one transaction. Nothing is imported before
 * every page has arrived, so a pull that fails part way leaves the workspace as it was; pulling
 * the same range again changes nothing (the records are stored by id).
 */
export async function pullLiveAgent(
  ws: Workspace,
  actor: Actor,
  request: PullLiveAgentRequest,
  account: LiveAgentAccount,
): Promise<PullView> {
  const r = parseRequest(pullLiveAgentRequest, request);
  const range = checkRange(r.from, r.to);
  const client = new LiveAgentClient(account.url, account.apiKey, r.perPage, account.retry);
  const folder = join(ws.dir, 'pulls', `liveagent-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(folder, { recursive: true });
  const progress = account.onProgress ?? (() => {});
  let calls: PulledKind;
  let tickets: PulledKind;
  try {
    calls = await save(
      client.calls(range),
      join(folder, 'calls.jsonl'),
      range,
      () => false,
      (n) => progress(`calls: ${n} fetched`),
    );
    // A call's ticket (channel C or W) is the call itself, which the calls already bring.
    tickets = await save(client.tickets(range), join(folder, 'tickets.jsonl'), range, isCallTicket, (n) =>
      progress(`tickets: ${n} fetched`),
    );
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const imports: ImportOptions[] = [];
  const common = { kind: 'contacts' as const, timeZone: 'UTC' };
  if (calls.file) imports.push({ ...common, preset: 'liveagent-calls', files: [calls.file] });
  if (tickets.file) imports.push({ ...common, preset: 'liveagent-tickets', files: [tickets.file] });
  progress('importing');
  // Both imports and the audit entry land together (or none of them).
  const engine = auditing(ws.engine, actor, (summaries) => ({
    action: 'import',
    target: `liveagent ${range.from} to ${range.to}`,
    details: { range, calls: calls.fetched, tickets: tickets.fetched, imports: summaries },
  }));
  return {
    range,
    folder,
    calls,
    tickets,
    imports: imports.length ? await importFilesTogether({ ...ws, engine }, imports) : [],
  };
}

function checkRange(from: string, to: string): DayRange {
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw new UserError('USAGE', `${name} "${day}": expected a day as YYYY-MM-DD`, {
        parameter: name,
        value: day,
      });
  }
  if (from > to)
    throw new UserError('USAGE', `to "${to}" is before from "${from}"`, { parameter: 'to', value: to });
  return { from, to };
}

function isCallTicket(record: ApiRecord): boolean {
  return record.channel_type === 'C' || record.channel_type === 'W';
}

/** Writes the pages' records created in the range to a JSON Lines file; null when none came. */
async function save(
  pages: AsyncIterable<ApiRecord[]>,
  path: string,
  range: DayRange,
  leaveOut: (record: ApiRecord) => boolean,
  onPage: (fetched: number) => void,
): Promise<PulledKind> {
  const out = createWriteStream(path);
  const kind: PulledKind = { fetched: 0, pages: 0, leftOut: 0, file: path };
  let written = 0;
  try {
    for await (const page of pages) {
      kind.pages++;
      for (const record of page) {
        kind.fetched++;
        if (leaveOut(record) || !createdInRange(record, range)) {
          kind.leftOut++;
          continue;
        }
        written++;
        if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
      }
      onPage(kind.fetched);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (written === 0) {
    await rm(path, { force: true });
    kind.file = null;
  }
  return kind;
}

/** `date_created` (UTC, `YYYY-MM-DD HH:MM:SS`) on a day of the range; a record without one is kept for the import to judge. */
function createdInRange(record: ApiRecord, range: DayRange): boolean {
  const created = record.date_created ?? record.dateCreated;
  if (typeof created !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(created)) return true;
  const day = created.slice(0, 10);
  return day >= range.from && day <= range.to;
}
