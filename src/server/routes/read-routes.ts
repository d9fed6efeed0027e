import type { FastifyInstance } from 'fastify';
import { auditOperation } from '../../app/audit.js';
import { benchmarksOperation } from '../../app/benchmarks.js';
import { configOperation } from '../../app/config.js';
import { getCostOperation, listCostsOperation } from '../../app/costs.js';
import { driversOperation } from '../../app/drivers.js';
import { explainOperation } from '../../app/explain.js';
import { listImportsOperation } from '../../app/imports.js';
import type { Operation } from '../../app/operation.js';
import { planBaselineOperation } from '../../app/plan-baseline.js';
import { planOptimiseOperation } from '../../app/plan-optimise.js';
import { planRunOperation } from '../../app/plan-run.js';
import { reportOperation } from '../../app/report.js';
import { simulateOperation } from '../../app/simulate.js';
import { staffOperation } from '../../app/staff.js';
import { statusOperation } from '../../app/status.js';
import { listTokensOperation } from '../../app/tokens.js';
import type { Access, ServerContext } from '../context.js';
import { answerRead, documented, requestInput } from './respond.js';

export interface ReadRoute {
  url: string;
  operation: Operation;
  access: Access;
  tag: string;
  /** Results depend only on the request and the data: cached by data version. */
  cached: boolean;
  /**
   * GET takes the parameters as a query string; POST as a JSON body (requests too long for a URL,
   * such as an interval CSV, or with documents in them, such as a scenario). Default: GET only.
   */
  methods?: readonly ('GET' | 'POST')[];
}

const ID_PARAMS = {
  params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
};
const BOTH = ['GET', 'POST'] as const;

export const READS: readonly ReadRoute[] = [
  { url: '/report', operation: reportOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/explain', operation: explainOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/drivers', operation: driversOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/benchmarks', operation: benchmarksOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/status', operation: statusOperation, access: 'viewer', tag: 'workspace', cached: true },
  {
    url: '/staff',
    operation: staffOperation,
    access: 'viewer',
    tag: 'planning',
    cached: true,
    methods: BOTH,
  },
  {
    url: '/simulate',
    operation: simulateOperation,
    access: 'analyst',
    tag: 'planning',
    cached: true,
    methods: BOTH,
  },
  {
    url: '/plan/baseline',
    operation: planBaselineOperation,
    access: 'analyst',
    tag: 'planning',
    cached: true,
  },
  {
    url: '/plan/run',
    operation: planRunOperation,
    access: 'analyst',
    tag: 'planning',
    cached: true,
    methods: ['POST'],
  },
  {
    url: '/plan/optimise',
    operation: planOptimiseOperation,
    access: 'analyst',
    tag: 'planning',
    cached: true,
    methods: ['POST'],
  },
  { url: '/config', operation: configOperation, access: 'viewer', tag: 'workspace', cached: true },
  { url: '/costs', operation: listCostsOperation, access: 'viewer', tag: 'costs', cached: true },
  { url: '/costs/:id', operation: getCostOperation, access: 'viewer', tag: 'costs', cached: true },
  { url: '/imports', operation: listImportsOperation, access: 'analyst', tag: 'imports', cached: true },
  { url: '/audit', operation: auditOperation, access: 'analyst', tag: 'audit', cached: true },
  { url: '/tokens', operation: listTokensOperation, access: 'admin', tag: 'tokens', cached: false },
];

/** The route of a read operation (the CLI's --server sends its requests there). */
export function readRouteOf(name: string): ReadRoute {
  const route = READS.find((r) => r.operation.name === name);
  if (!route) throw new Error(`no route for the operation ${name}`);
  return route;
}

/**
 * Every read operation of the use-case layer under /api/v1, parameters named as the CLI's long
 * options; `format` (and `width` for tables) in the query string asks for the CLI's other outputs.
 */
export function registerReadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const read of READS) {
    const extra = read.url.includes(':id') ? ID_PARAMS : {};
    for (const method of read.methods ?? ['GET']) {
      const source = method === 'GET' ? 'query' : 'body';
      const doc = documented(read.operation, source, [read.tag], read.access, extra);
      app.route({
        method,
        url: `/api/v1${read.url}`,
        schema: doc.route,
        config: { access: read.access },
        handler: (request, reply) =>
          answerRead(ctx, read.operation, requestInput(request, source, doc.json), reply, read.cached),
      });
    }
  }
}
