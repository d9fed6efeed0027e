import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../errors.js';
import { type TestWorkspace, testWorkspace } from '../testing.js';

/**
 * Presets that reshape records keep the importer's guarantees: a problem is reported at the line
 * of the file record behind it, strict imports change nothing, --skip-invalid writes the file's own
 * record to the rejects file, and a re-import is idempotent.
 */
describe('reshaping presets: problems point into the files', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace('EUR', 'UTC');
  });
  afterEach(async () => {
    await t.close();
  });

  const conversation = (id: string, start: string) => ({
    conversationId: id,
    conversationStart: start,
    participants: [
      {
        purpose: 'agent',
        userId: 'u1',
        sessions: [
          {
            mediaType: 'chat',
            segments: [
              {
                segmentType: 'interact',
                segmentStart: '2026-03-02T08:00:00Z',
                segmentEnd: '2026-03-02T08:10:00Z',
              },
            ],
          },
        ],
      },
    ],
  });

  it('genesys-cloud: a conversation with a bad start, at the line its object starts', async () => {
    const doc = {
      conversations: [conversation('a', '2026-03-02T08:00:00Z'), conversation('b', 'yesterday')],
    };
    const text = JSON.stringify(doc, null, 1);
    const path = await t.file('conv.json', text);
    // The second conversation's object opens on the line before its "conversationId".
    const line = text.split('\n').findIndex((l) => l.includes('"conversationId": "b"'));
    const error = await t.import({ preset: 'genesys-cloud', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:${line}: column "conversationStart" value "yesterday": not a date and time`,
    ]);
    expect(await t.rows('SELECT count(*) AS n FROM contacts')).toEqual([{ n: 0 }]);
    const rejects = `${t.dir}/rejects.csv`;
    const summary = await t.import({
      preset: 'genesys-cloud',
      files: [path],
      skipInvalid: true,
      rejectsPath: rejects,
    });
    expect(summary).toMatchObject({ read: 2, imported: 1, rejected: 1 });
    const written = await readFile(rejects, 'utf8');
    expect(written.split('\n')[1]).toMatch(new RegExp(`^${path.replaceAll('/', '\\/')},${line},`));
    expect(written).toContain('participants');
    const again = await t.import({
      preset: 'genesys-cloud',
      files: [path],
      skipInvalid: true,
      rejectsPath: rejects,
    });
    expect(again).toMatchObject({ imported: 0, duplicates: 1, rejected: 1 });
  });

  it('asterisk-db: a bad leg is reported at its CDR line, a bad event at its queue_log line', async () => {
    const cdr = await t.file(
      'cdr.csv',
      [
        'calldate,src,dst,dcontext,channel,dstchannel,lastapp,duration,billsec,disposition,uniqueid,linkedid',
        '2026-03-02 08:00:00,4930111,800,from-trunk,PJSIP/trunk-1,NULL,Queue,100,95,ANSWERED,1.1,1.1',
        'not a time,4930222,800,from-trunk,PJSIP/trunk-2,NULL,Playback,10,10,ANSWERED,2.1,2.1',
      ].join('\n'),
    );
    const log = await t.file(
      'queue_log.csv',
      [
        'time,callid,queuename,agent,event,data1,data2,data3,data4,data5',
        '1772438405,1.1,support,NONE,ENTERQUEUE,,4930111,1,,',
        '1772438410,1.1,support,PJSIP/201,CONNECT,-5,1.2,3,,',
      ].join('\n'),
    );
    const error = await t.import({ preset: 'asterisk-db', files: [cdr, log] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${cdr}:3: column "time" value "not a time": not a date and time`,
      // The field's cases name every column they may read; the queue event gave the -5.
      `${log}:3: column "wait / duration - billsec / duration" value "-5 / ": is negative`,
    ]);
  });
});
