import { describe, it } from 'vitest';
import { describeEngine } from '../../test-support/engines/describe-engine.js';
import { openPostgres, serverUrl } from '../../test-support/engines/test-engines.js';

const url = serverUrl('PERCONTACT_TEST_PG_URL');
if (url) describeEngine('PostgreSQL', () => openPostgres(url));
else
  describe('engine conformance: PostgreSQL', () => {
    it.skip('needs a server: set PERCONTACT_TEST_PG_URL or run npm run test:servers', () => {});
  });
