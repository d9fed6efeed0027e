import { describe, expect, it } from 'vitest';
import { describeEngine } from '../../test-support/engines/describe-engine.js';
import { MEASURE_CONTACTS } from '../../test-support/engines/measures-fixture.js';
import {
  openChdb,
  openClickHouse,
  openClickHouseCluster,
  serverUrl,
} from '../../test-support/engines/test-engines.js';
import { contactRow } from '../rows.js';
import { CONTACTS_TABLE } from '../schema.js';
import type { ClickHouseEngine } from './engine.js';

describeEngine('ClickHouse embedded (chdb, probed abilities)', () => openChdb(false));
describeEngine('ClickHouse embedded (chdb, limited to 18.16 abilities)', () => openChdb(true));

const single = serverUrl('PERCONTACT_TEST_CLICKHOUSE_URL');
if (single) describeEngine('ClickHouse server', () => openClickHouse(single));
else
  describe('engine conformance: ClickHouse server', () => {
    it.skip('needs a server: set PERCONTACT_TEST_CLICKHOUSE_URL or run npm run test:servers', () => {});
  });

const cluster = serverUrl('PERCONTACT_TEST_CLICKHOUSE_CLUSTER');
if (cluster) {
  describeEngine('ClickHouse 2-shard cluster', () => openClickHouseCluster(cluster));
  describe('ClickHouse 2-shard cluster layout', () => {
    it("keeps each customer's contacts on one shard and uses both shards", async () => {
      const { engine, drop } = await openClickHouseCluster(cluster);
      try {
        await engine.migrate();
        await engine.append(CONTACTS_TABLE, MEASURE_CONTACTS.map(contactRow));
        const shards = (engine as ClickHouseEngine).nodes;
        const byShard = await Promise.all(
          shards.map(async (node) => (await node.select('SELECT customer, id FROM contacts_local')).data),
        );
        expect(byShard.map((rows) => rows.length).reduce((a, b) => a + b)).toBe(MEASURE_CONTACTS.length);
        expect(byShard.every((rows) => rows.length > 0)).toBe(true);
        const shardsOf = (customer: unknown) =>
          byShard.filter((rows) => rows.some((r) => r.customer === customer)).length;
        for (const c of MEASURE_CONTACTS) if (c.customer) expect(shardsOf(c.customer), c.customer).toBe(1);
      } finally {
        await drop();
      }
    });
  });
} else
  describe('engine conformance: ClickHouse 2-shard cluster', () => {
    it.skip('needs a cluster: set PERCONTACT_TEST_CLICKHOUSE_CLUSTER or run npm run test:servers', () => {});
  });
