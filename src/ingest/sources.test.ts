import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactRow } from '../engine/rows.js';
import { CONTACTS_TABLE } from '../engine/schema.js';
import { contact } from '../test-support/fixtures.js';
import { userError } from '../test-support/user-error.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const HEADER = 'id,channel,arrived_at,talk_seconds,outcome';
// Two systems number their records 1, 2, 3 alike.
const PBX = [HEADER, ...[1, 2, 3].map((i) => `${i},voice,2026-03-02 1${i}:00,60,handled`)].join('\n');
const HELPDESK = [HEADER, ...[1, 2, 3].map((i) => `${i},chat,2026-03-03 1${i}:00,,handled`)].join('\n');

describe('sources: whose rows an import may replace', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const stored = () => t.rows('SELECT source, id, channel FROM contacts ORDER BY source, id');

  it("keeps two systems' files with the same ids apart by default (each under its file name)", async () => {
    const pbx = await t.import({ files: [await t.file('pbx.csv', PBX)] });
    const helpdesk = await t.import({ files: [await t.file('helpdesk.csv', HELPDESK)] });
    expect([pbx.source, helpdesk.source]).toEqual(['pbx', 'helpdesk']);
    expect(helpdesk).toMatchObject({ imported: 3, written: 3, replaced: 0 });
    expect(await stored()).toEqual([
      ...[1, 2, 3].map((i) => ({ source: 'helpdesk', id: String(i), channel: 'chat' })),
      ...[1, 2, 3].map((i) => ({ source: 'pbx', id: String(i), channel: 'voice' })),
    ]);
  });

  it("refuses to replace another file's rows of the same source, naming the count and that file, unless asked", async () => {
    const pbx = await t.file('pbx.csv', PBX);
    await t.import({ files: [pbx], source: 'calls' });
    const before = await stored();
    const helpdesk = await t.file('helpdesk.csv', HELPDESK);
    const error = await userError(t.import({ files: [helpdesk], source: 'calls' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      `import refused, nothing was changed: it would replace 3 contacts stored under the source name "calls" that came from ${pbx}; give this file a source of its own, or replace them on purpose`,
    );
    expect(error.location).toEqual({ parameter: 'replace', file: pbx });
    expect(await stored()).toEqual(before);
    expect(await t.import({ files: [helpdesk], source: 'calls', replace: true })).toMatchObject({
      imported: 3,
      replaced: 3,
    });
    expect((await stored()).map((c) => c.channel)).toEqual(['chat', 'chat', 'chat']);
  });

  it('re-imports a file under the source it was imported under before, idempotently', async () => {
    const pbx = await t.file('pbx.csv', PBX);
    await t.import({ files: [pbx], source: 'phone' });
    expect(await t.import({ files: [pbx] })).toMatchObject({ source: 'phone', imported: 0, duplicates: 3 });
    expect(await stored()).toHaveLength(3);
  });

  it('treats rows stored before import ids as another import’s', async () => {
    await t.ws.engine.append(CONTACTS_TABLE, [
      contactRow(contact({ source: 'pbx', id: '1', arrivedAt: new Date('2026-03-01T08:00:00Z') })),
    ]);
    const error = await userError(t.import({ files: [await t.file('pbx.csv', PBX)] }));
    expect(error.message).toContain(
      'it would replace 1 contact stored under the source name "pbx" that came from an import made before imports were recorded per row',
    );
  });

  it('names several files by the words their names begin with, and asks for a name when they share none', async () => {
    const jan = await t.file('calls_2026_01.csv', PBX);
    const feb = await t.file('calls_2026_02.csv', HELPDESK.replace(/^(\d)/gm, '1$1'));
    expect(await t.import({ files: [jan, feb] })).toMatchObject({ source: 'calls_2026', imported: 6 });
    const error = await userError(
      t.import({ files: [await t.file('a.csv', PBX), await t.file('b.csv', PBX)] }),
    );
    expect(error.code).toBe('USAGE');
    expect(error.location).toEqual({ parameter: 'source' });
  });

  it('writes its id into every row it stores and the checksum of its file into the log', async () => {
    const summary = await t.import({ files: [await t.file('pbx.csv', PBX)] });
    expect(await t.rows('SELECT DISTINCT import_id FROM contacts')).toEqual([{ import_id: summary.id }]);
    const sha256 = createHash('sha256').update(PBX).digest('hex');
    expect(await t.rows('SELECT id, checksum FROM imports')).toEqual([
      { id: summary.id, checksum: `sha256:${sha256}` },
    ]);
  });
});
