import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { withoutControlCharacters } from '../app/plain-text.js';
import { isUserError, UserError } from '../errors.js';
import { HttpError } from './http-error.js';

/** An upload streamed to a private temporary folder: the files, an optional mapping file and the text fields. */
export interface Upload {
  dir: string;
  files: { path: string; name: string }[];
  mapping: string | undefined;
  fields: Record<string, string>;
  /** Text with the temporary paths replaced by the names the client gave (for messages and rejects). */
  shown(text: string): string;
  discard(): Promise<void>;
}

export interface UploadLimits {
  /** Bytes per file; a larger file fails the request with 413 and nothing is kept. */
  fileBytes: number;
  files: number;
}

/**
 * Streams a multipart request's parts to disk as they arrive (never whole in memory). Files go into
 * a fresh folder under names made from the client's name that cannot leave it; `mapping` is a YAML
 * mapping file; every other part is a text field.
 */
export async function receiveUpload(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-upload-'));
  const names = new Map<string, string>();
  const upload: Upload = {
    dir,
    files: [],
    mapping: undefined,
    fields: {},
    shown: (text) => [...names].reduce((t, [path, name]) => t.replaceAll(path, name), text),
    discard: () => rm(dir, { recursive: true, force: true }),
  };
  try {
    for await (const part of request.parts({
      limits: { fileSize: limits.fileBytes, files: limits.files },
    })) {
      if (part.type === 'field') {
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      const isMapping = part.fieldname === 'mapping';
      const name = isMapping ? 'mapping.yaml' : `${upload.files.length + 1}-${safeFileName(part.filename)}`;
      const path = join(dir, name);
      await pipeline(part.file, createWriteStream(path, { flags: 'wx' }));
      if (part.file.truncated) throw tooLarge(limits);
      names.set(path, displayName(part.filename));
      if (isMapping) upload.mapping = path;
      else upload.files.push({ path, name: displayName(part.filename) });
    }
  } catch (error) {
    await upload.discard();
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limits);
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
      throw new HttpError(413, 'TOO_LARGE', `at most ${limits.files} files per import`);
    }
    throw error;
  }
  return upload;
}

function tooLarge(limits: UploadLimits): HttpError {
  return new HttpError(
    413,
    'TOO_LARGE',
    `an uploaded file is larger than the limit of ${megabytes(limits.fileBytes)}`,
  );
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * A client's file name as a plain name inside the upload folder: its last path segment (either slash),
 * only letters, digits, `.`, `-` and `_`, no leading dots; the extension kept (readers look at it).
 */
export function safeFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const plain = last
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-100);
  return plain.length > 0 ? plain : 'upload';
}

/** The name shown in summaries and the audit log: the last segment, control characters removed. */
function displayName(name: string | undefined): string {
  const last = withoutControlCharacters((name ?? '').split(/[\\/]/).pop() ?? '');
  return last.slice(0, 200) || 'upload';
}

/** A user error of an upload's import, naming the files as the client did. */
export function relabelled(error: unknown, upload: Upload): unknown {
  if (!isUserError(error)) return error;
  const { location } = error;
  return new UserError(
    error.code,
    upload.shown(error.message),
    location && { ...location, ...(location.file ? { file: upload.shown(location.file) } : {}) },
    error.details.map(upload.shown),
  );
}

/** Rewrites a rejects file so that its `file` column names the uploaded files as the client did. */
export async function relabelFile(path: string, upload: Upload): Promise<void> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const out = createWriteStream(`${path}.tmp`, 'utf8');
  for await (const line of lines) {
    if (!out.write(`${upload.shown(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await rename(`${path}.tmp`, path);
}
