import { describeEngine } from '../../test-support/engines/describe-engine.js';
import { openDuckDb } from '../../test-support/engines/test-engines.js';

describeEngine('DuckDB', openDuckDb);
