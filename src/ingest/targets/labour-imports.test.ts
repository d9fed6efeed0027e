import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../cli/io.js';
import { run } from '../../cli/main.js';
import { defaultConfig } from '../../model/config.js';
import { initWorkspace, openWorkspace } from '../../workspace/workspace.js';

let dir: string;
let ws: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-labour-'));
  ws = join(dir, 'ws');
  await (await initWorkspace(ws, defaultConfig('EUR', 'Europe/Berlin'))).close();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));
async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('import agents and agent-time', () => {
  it('stores rate cards, from an hourly cost or from salary × loading ÷ paid hours', async () => {
    const cards = await file(
      'cards.csv',
      'agent,team,hourly_cost,salary,loading_factor,paid_hours,valid_from,valid_to\n' +
        'a1,T1,30.00,,,,2026-01-01,\n' +
        ',T2,,3000,0.25,150,2026-01-01,2026-07-01\n',
    );
    const r = await cli('import', 'agents', cards, '-w', ws);
    expect(r.err).toBe('');
    expect(r.result).toBe(0);
    const w = await openWorkspace(ws);
    const rows = await w.engine.query(
      'SELECT agent, team, hourly_cost, CAST(valid_to AS VARCHAR) AS vt FROM rate_cards ORDER BY team',
    );
    await w.close();
    // 3000 × 1.25 ÷ 150 = 25 exactly
    expect(rows).toEqual([
      { agent: 'a1', team: 'T1', hourly_cost: '30.00', vt: null },
      { agent: null, team: 'T2', hourly_cost: '25', vt: '2026-07-01' },
    ]);
  });

  it('refuses a card for nobody, with the line and column', async () => {
    const cards = await file('bad.csv', 'agent,team,hourly_cost,valid_from\n,,30,2026-01-01\n');
    const r = await cli('import', 'agents', cards, '-w', ws);
    expect(r.result).toBe(5);
    expect(r.err).toContain('bad.csv:2: column "agent"');
    expect(r.err).toContain('a card is for an agent or a team');
  });

  it('says a cost that is no amount once, and "missing" only where none is given', async () => {
    const cards = await file('costs.csv', 'agent,valid_from,hourly_cost\nB,2026-01-01,abc\nC,2026-01-01,\n');
    const r = await cli('import', 'agents', cards, '-w', ws);
    expect(r.result).toBe(5);
    expect(r.err.trim().split('\n').slice(1)).toEqual([
      `  ${cards}:2: column "hourly_cost" value "abc": not a decimal amount`,
      `  ${cards}:3: column "hourly_cost" value "": is missing (give hourly_cost, or salary with paid_hours and optionally loading_factor)`,
    ]);
  });

  it('feeds occupancy and bottom-up labour into the report', async () => {
    // One voice call of a1 (handle 1800 s) on 2 Mar; a1 staffed 3600 s that day at 30.00/h:
    // bottom-up wages 0.5 h × 30.00 = 15.00; occupancy 1800 / 3600 = 0.5.
    await cli(
      'import',
      'agents',
      await file('c.csv', 'agent,hourly_cost,valid_from\na1,30.00,2026-01-01\n'),
      '-w',
      ws,
    );
    await cli(
      'import',
      'agent-time',
      await file('t.csv', 'day,agent,channel,staffed_seconds\n2026-03-02,a1,voice,1:00:00\n'),
      '-w',
      ws,
    );
    await cli(
      'import',
      'contacts',
      await file(
        'k.csv',
        'id,channel,agent,arrived_at,talk_seconds,outcome\nk1,voice,a1,2026-03-02 10:00:00,1800,handled\n',
      ),
      '-w',
      ws,
    );
    const r = await cli('report', '-w', ws, '--format', 'json');
    const json = JSON.parse(r.out);
    expect(json.labourBasis).toEqual({ '2026-03': 'bottom-up' });
    expect(json.totals).toMatchObject({
      contacts: 1,
      cost: '15.00',
      occupancy: 0.5,
      costByCategory: { agent_wages: '15.00' },
    });
  });
});
