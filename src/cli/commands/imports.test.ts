import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { run } from '../main.js';

let dir: string;
let ws: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-cli-imports-'));
  ws = join(dir, 'ws');
  await captureIo(() => run(['init', ws]));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));

describe('percontact imports list | remove', () => {
  it('lists the imports and removes one, printing the totals before and after', async () => {
    const pbx = join(dir, 'pbx.csv');
    await writeFile(
      pbx,
      'id,channel,arrived_at,outcome\n1,voice,2026-03-02 10:00,handled\n2,voice,2026-03-02 11:00,handled\n',
    );
    const ledger = join(dir, 'ledger.csv');
    await writeFile(ledger, 'id,category,amount,period\nrent,facilities,1500.00,2026-03\n');
    const imported = await cli('import', 'contacts', pbx, '-w', ws);
    const id = /import ([0-9a-f]{8})\)/.exec(imported.out)?.[1] ?? '';
    await cli('import', 'costs', ledger, '-w', ws);
    const list = await cli('imports', 'list', '-w', ws);
    expect(list.result).toBe(0);
    const lines = list.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+when \(Europe\/Berlin\)\s+kind\s+source\s+rows\s+checksum\s+file$/);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${id}  \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+contacts\\s+pbx\\s+2  [0-9a-f]{12}  pbx\\.csv$`,
      ),
    );
    expect(lines[3]).toMatch(/costs\s+1 {2}[0-9a-f]{12} {2}ledger\.csv$/);

    const removed = await cli('imports', 'remove', id, '-w', ws);
    expect(removed.result).toBe(0);
    expect(removed.out).toBe(
      [
        `removed import ${id} (contacts from ${pbx}, source pbx): 2 contacts`,
        '',
        '              before     after',
        '----------  --------  --------',
        'contacts           2         0',
        'cost lines         1         1',
        'cost (EUR)  1,500.00  1,500.00',
        '',
      ].join('\n'),
    );
    const again = await cli('imports', 'remove', id, '-w', ws);
    expect(again.result).toBe(6);
    expect(again.err).toMatch(/^percontact: import [0-9a-f]{8} was removed already/);
  });

  it('says how to list the imports when the id is unknown (the use case names no command)', async () => {
    const missing = await cli('imports', 'remove', 'abcdef', '-w', ws);
    expect(missing.result).toBe(6);
    expect(missing.err).toBe(
      'percontact: no import abcdef in the import log\n  percontact imports list shows the imports\n',
    );
  });

  it('audits the imports and the removal as the OS user, with the totals before and after', async () => {
    const pbx = join(dir, 'pbx.csv');
    await writeFile(pbx, 'id,channel,arrived_at,outcome\n1,voice,2026-03-02 10:00,handled\n');
    const imported = await cli('import', 'contacts', pbx, '-w', ws);
    const id = /import ([0-9a-f]{8})\)/.exec(imported.out)?.[1] ?? '';
    await cli('imports', 'remove', id, '-w', ws);
    const audit = JSON.parse((await cli('audit', '-w', ws, '--format', 'json')).out);
    const user = `cli:${userInfo().username}`;
    expect(audit.entries.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['import.remove', user],
      ['import', user],
    ]);
    const [removal, add] = audit.entries;
    // One contact in, then out again.
    expect([add.totalsBefore.contacts, add.totalsAfter.contacts]).toEqual([0, 1]);
    expect([removal.totalsBefore.contacts, removal.totalsAfter.contacts]).toEqual([1, 0]);
    expect(add.target).toBe(`contacts: ${pbx}`);
    expect(removal.details).toMatchObject({ kind: 'contacts', rows: { contacts: 1 } });
  });
});
