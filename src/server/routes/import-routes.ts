import { createReadStream, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { importData, importOptions } from '../../app/import.js';
import { pullLiveAgent, pullLiveAgentRequest } from '../../app/pull.js';
import { badParameter, parseRequest } from '../../app/request.js';
import { fromText, jsonSchemaOf } from '../../app/request-text.js';
import { UserError } from '../../errors.js';
import type { ImportSummary } from '../../ingest/pipeline/summary.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http-error.js';
import type { JobContext } from '../jobs.js';
import { receiveUpload, relabelFile, relabelled, type Upload } from '../upload.js';
import { documented, requestInput, routeDoc } from './respond.js';

const OPTIONS_SCHEMA = jsonSchemaOf(importOptions);
const JOB_PARAMS = { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } };

/** The multipart form of POST /imports, for the OpenAPI document. */
const UPLOAD_BODY = {
  type: 'object',
  required: ['kind', 'file'],
  properties: {
    ...OPTIONS_SCHEMA.properties,
    file: { type: 'string', format: 'binary', description: 'a file to import (repeat the part for several)' },
    mapping: { type: 'string', format: 'binary', description: 'a mapping file (YAML), instead of preset' },
  },
};

/**
 * POST /imports takes files as multipart/form-data (streamed to disk), queues the import as a job
 * and answers 202 at once; the job's state is at /jobs/:id and, as server-sent events, at
 * /jobs/:id/events.
 */
export function registerImportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/v1/imports',
    {
      schema: routeDoc(
        'Import uploaded files as a job: all or nothing (or the good rows with skipInvalid), audited',
        ['imports'],
        'analyst',
        {
          consumes: ['multipart/form-data'],
          body: UPLOAD_BODY,
        },
      ),
      config: { access: 'analyst' },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new HttpError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'send the files as multipart/form-data (parts: kind, file, …)',
        );
      }
      const upload = await receiveUpload(
        request,
        { fileBytes: ctx.options.uploadLimitBytes, files: ctx.options.maxFiles },
        ctx.host.dir,
      );
      const options = await validated(upload);
      const actor = request.principal as Actor;
      const names = upload.files.map((f) => f.name);
      const job = ctx.jobs.submit(
        'import',
        { ...options, files: names, mapping: upload.mapping ? 'uploaded' : null },
        actor.name,
        (job) => importUpload(ctx, job, actor, options, upload).finally(() => upload.discard()),
      );
      return reply.code(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );

  const pullDoc = documented(
    {
      summary: 'Pull LiveAgent calls and tickets created in a day range and import them, as a job (audited)',
      request: pullLiveAgentRequest,
    },
    'body',
    ['imports'],
    'analyst',
  );
  app.post(
    '/api/v1/pull/liveagent',
    { schema: pullDoc.route, config: { access: 'analyst' } },
    async (request, reply) => {
      const input = parseRequest(pullLiveAgentRequest, requestInput(request, 'body', pullDoc.json).input);
      const account = ctx.options.liveAgent;
      if (!account) {
        throw new UserError(
          'CONFIG_INVALID',
          'this server has no LiveAgent account: start it with PERCONTACT_LIVEAGENT_URL and PERCONTACT_LIVEAGENT_API_KEY set',
        );
      }
      const actor = request.principal as Actor;
      const job = ctx.jobs.submit('pull', { source: 'liveagent', ...input }, actor.name, (job) =>
        ctx.host.write('pull liveagent', async (ws) => {
          job.begin();
          job.watchProgress(() => ws.engine.progress());
          const view = await pullLiveAgent(ws, actor, input, { ...account, onProgress: job.phase });
          // The server's folders are its own business: the answer names the pull, not where it lies.
          return { ...view, folder: basename(view.folder) };
        }),
      );
      return reply.code(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/v1/jobs',
    {
      schema: routeDoc('Jobs of this server process, newest first', ['imports'], 'analyst'),
      config: { access: 'analyst' },
    },
    async () => ({
      jobs: ctx.jobs.list(),
    }),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      schema: routeDoc(
        'A job: status, phase, progress, then its result or error',
        ['imports'],
        'analyst',
        JOB_PARAMS,
      ),
      config: { access: 'analyst' },
    },
    async (request) => jobOf(ctx, request.params as { id: string }),
  );

  app.get(
    '/api/v1/jobs/:id/events',
    {
      schema: routeDoc(
        'A job as server-sent events: "progress" on every change, then "done" with the final state',
        ['imports'],
        'analyst',
        { produces: ['text/event-stream'], ...JOB_PARAMS },
      ),
      config: { access: 'analyst' },
    },
    async (request, reply) => {
      const { id } = jobOf(ctx, request.params as { id: string });
      const stream = new PassThrough();
      const stop = ctx.jobs.subscribe(id, (job, final) => {
        stream.write(`event: ${final ? 'done' : 'progress'}\ndata: ${JSON.stringify(job)}\n\n`);
        if (final) stream.end();
      });
      request.raw.on('close', () => {
        stop();
        stream.end();
      });
      // A shutdown waits until the last event has left (or the client has gone).
      ctx.jobs.holdFor(
        new Promise((sent) => {
          reply.raw.once('finish', sent);
          reply.raw.once('close', sent);
        }),
      );
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(stream);
    },
  );

  app.get(
    '/api/v1/jobs/:id/rejects',
    {
      schema: routeDoc(
        'The rejected rows of a skipInvalid import (CSV: file, line, reason, record)',
        ['imports'],
        'analyst',
        { produces: ['text/csv'], ...JOB_PARAMS },
      ),
      config: { access: 'analyst' },
    },
    async (request, reply) => {
      const job = jobOf(ctx, request.params as { id: string });
      const path = rejectsPath(ctx, job.id);
      if (job.status !== 'succeeded' || !existsSync(path)) {
        throw new UserError('NOT_FOUND', `job ${job.id} has no rejected rows`, {
          parameter: 'id',
          value: job.id,
        });
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejects-${job.id}.csv"`)
        .send(createReadStream(path));
    },
  );
}

/** The job of an upload: its turn in the write queue, the import, the rejects named as uploaded. */
async function importUpload(
  ctx: ServerContext,
  job: JobContext,
  actor: Actor,
  options: z.output<typeof importOptions>,
  upload: Upload,
) {
  return ctx.host.write(`import ${options.kind}`, async (ws) => {
    job.begin();
    await upload.place();
    job.watchProgress(() => ws.engine.progress());
    const request = {
      ...options,
      files: upload.files.map((f) => f.path),
      fileNames: upload.files.map((f) => f.name),
      ...(upload.mapping ? { mapping: upload.mapping } : {}),
      rejects: rejectsPath(ctx, job.id),
    };
    const summary = await importData(ws, actor, request, job.phase).catch((error: unknown) => {
      throw relabelled(error, upload);
    });
    if (summary.rejectsFile) await relabelFile(summary.rejectsFile, upload);
    return importView(summary, job.id);
  });
}

async function validated(upload: Upload) {
  try {
    const options = parseRequest(importOptions, fromText(OPTIONS_SCHEMA, upload.fields));
    if (upload.files.length === 0) throw badParameter('file', 'give at least one file to import');
    if (options.preset && upload.mapping)
      throw badParameter('mapping', 'give either preset or mapping, not both');
    return options;
  } catch (error) {
    await upload.discard();
    throw error;
  }
}

function jobOf(ctx: ServerContext, params: { id: string }) {
  const job = ctx.jobs.get(params.id);
  if (!job) throw new UserError('NOT_FOUND', `no job ${params.id}`, { parameter: 'id', value: params.id });
  return job;
}

/** Inside the workspace's rejects folder, named by the job (never by anything a client sent). */
function rejectsPath(ctx: ServerContext, jobId: string): string {
  return join(ctx.host.dir, 'rejects', `${jobId}.csv`);
}

/** The import summary as the API shows it: the rejects as a link, not a path on the server. */
function importView(summary: ImportSummary, jobId: string) {
  return { ...summary, rejectsFile: summary.rejectsFile ? `/api/v1/jobs/${jobId}/rejects` : null };
}
