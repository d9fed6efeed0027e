import pg from 'pg';

/** Legs as Asterisk's cdr_pgsql writes them: calldate, src, dst, dcontext, channel, dstchannel, duration, billsec, disposition, uniqueid, linkedid. */
export const CDR_ROWS: readonly (readonly (string | number)[])[] = [
  [
    '2026-03-02 09:00:00+00',
    '4930111',
    '800',
    'from-trunk',
    'PJSIP/trunk-01',
    'PJSIP/201-02',
    250,
    245,
    'ANSWERED',
    'U1',
    'L1',
  ],
  [
    '2026-03-02 09:05:00+00',
    '4930222',
    '800',
    'from-trunk',
    'PJSIP/trunk-03',
    '',
    30,
    0,
    'NO ANSWER',
    'U2',
    'L2',
  ],
  [
    '2026-03-02 09:10:00+00',
    '4930333',
    '800',
    'from-trunk',
    'PJSIP/trunk-04',
    'PJSIP/202-05',
    20,
    0,
    'NO ANSWER',
    'U3',
    'L3',
  ],
  [
    '2026-03-02 09:10:20+00',
    '4930333',
    '800',
    'from-trunk',
    'PJSIP/trunk-04',
    'PJSIP/203-06',
    100,
    90,
    'ANSWERED',
    'U4',
    'L3',
  ],
  [
    '2026-03-02 10:00:00+00',
    '4930444',
    '800',
    'from-trunk',
    'PJSIP/trunk-07',
    'PJSIP/201-08',
    70,
    60,
    'ANSWERED',
    'U5',
    'L4',
  ],
];

/** Asterisk's `cdr` table (cdr_pgsql's schema) in a schema of its own on the test server. */
export async function asteriskCdrTable(url: string) {
  const schema = `pc_asterisk_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.cdr (
    calldate timestamp with time zone NOT NULL DEFAULT now(), clid varchar(80) NOT NULL DEFAULT '',
    src varchar(80) NOT NULL DEFAULT '', dst varchar(80) NOT NULL DEFAULT '', dcontext varchar(80) NOT NULL DEFAULT '',
    channel varchar(80) NOT NULL DEFAULT '', dstchannel varchar(80) NOT NULL DEFAULT '', lastapp varchar(80) NOT NULL DEFAULT '',
    lastdata varchar(80) NOT NULL DEFAULT '', duration bigint NOT NULL DEFAULT 0, billsec bigint NOT NULL DEFAULT 0,
    disposition varchar(45) NOT NULL DEFAULT '', amaflags bigint NOT NULL DEFAULT 0, accountcode varchar(20) NOT NULL DEFAULT '',
    uniqueid varchar(150) NOT NULL DEFAULT '', userfield varchar(255) NOT NULL DEFAULT '', peeraccount varchar(20) NOT NULL DEFAULT '',
    linkedid varchar(150) NOT NULL DEFAULT '', sequence integer NOT NULL DEFAULT 0)`);
  const target = new URL(url);
  target.searchParams.set('table', `${schema}.cdr`);
  return {
    locator: target.toString(),
    async insert(rows: readonly (readonly (string | number)[])[]) {
      for (const row of rows)
        await client.query(
          `INSERT INTO ${schema}.cdr (calldate, src, dst, dcontext, channel, dstchannel, duration, billsec, disposition, uniqueid, linkedid)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [...row],
        );
    },
    async drop() {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
