import type { FastifyInstance } from 'fastify';
import { auditOperation } from '../../app/audit.js';
import { benchmarksOperation } from '../../app/benchmarks.js';
import { configOperation } from '../../app/config.js';
import { getCostOperation, listCostsOperation } from '../../app/costs.js';
import { driversOperation } from '../../app/drivers.js';
import { explainOperation } from '../../app/explain.js';
import type { Operation } from '../../app/operation.js';
import { reportOperation } from '../../app/report.js';
import { staffOperation } from '../../app/staff.js';
import { listTokensOperation } from '../../app/tokens.js';
import type { Access, ServerContext } from '../context.js';
import { answerRead, documented, requestInput } from './respond.js';

interface ReadRoute {
  url: string;
  operation: Operation;
  access: Access;
  tag: string;
  /** Results depend only on the request and the data: cached by data version. */
  cached: boolean;
  /** Also as POST with a JSON body (requests too long for a URL, such as an interval CSV). */
  post?: boolean;
}

const ID_PARAMS = {
  params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
};

const READS: ReadRoute[] = [
  { url: '/report', operation: reportOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/explain', operation: explainOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/drivers', operation: driversOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/benchmarks', operation: benchmarksOperation, access: 'viewer', tag: 'figures', cached: true },
  { url: '/staff', operation: staffOperation, access: 'viewer', tag: 'planning', cached: false, post: true },
  { url: '/config', operation: configOperation, access: 'viewer', tag: 'workspace', cached: true },
  { url: '/costs', operation: listCostsOperation, access: 'viewer', tag: 'costs', cached: true },
  { url: '/costs/:id', operation: getCostOperation, access: 'viewer', tag: 'costs', cached: true },
  { url: '/audit', operation: auditOperation, access: 'analyst', tag: 'audit', cached: true },
  { url: '/tokens', operation: listTokensOperation, access: 'admin', tag: 'tokens', cached: false },
];

/** Every read operation of the use-case layer as GET /api/v1/<name>, parameters named as the CLI's long options. */
export function registerReadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const read of READS) {
    const extra = read.url.includes(':id') ? ID_PARAMS : {};
    const sources = read.post ? (['query', 'body'] as const) : (['query'] as const);
    for (const source of sources) {
      const doc = documented(read.operation, source, [read.tag], read.access, extra);
      app.route({
        method: source === 'query' ? 'GET' : 'POST',
        url: `/api/v1${read.url}`,
        schema: doc.route,
        config: { access: read.access },
        handler: (request, reply) =>
          answerRead(ctx, read.operation, requestInput(request, source, doc.json), reply, read.cached),
      });
    }
  }
}
