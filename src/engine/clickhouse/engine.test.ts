import { describe, it } from 'vitest';
import { describeEngine } from '../../test-support/engines/describe-engine.js';
import {
  openChdb,
  openClickHouse,
  openClickHouseCluster,
  serverUrl,
} from '../../test-support/engines/test-engines.js';

describeEngine('ClickHouse embedded (chdb, probed abilities)', () => openChdb(false));
describeEngine('ClickHouse embedded (chdb, limited to 18.16 abilities)', () => openChdb(true));

const single = serverUrl('PERCONTACT_TEST_CLICKHOUSE_URL');
if (single) describeEngine('ClickHouse server', () => openClickHouse(single));
else
  describe('engine conformance: ClickHouse server', () => {
    it.skip('needs a server: set PERCONTACT_TEST_CLICKHOUSE_URL or run npm run test:servers', () => {});
  });

const cluster = serverUrl('PERCONTACT_TEST_CLICKHOUSE_CLUSTER');
if (cluster) describeEngine('ClickHouse 2-shard cluster', () => openClickHouseCluster(cluster));
else
  describe('engine conformance: ClickHouse 2-shard cluster', () => {
    it.skip('needs a cluster: set PERCONTACT_TEST_CLICKHOUSE_CLUSTER or run npm run test:servers', () => {});
  });
