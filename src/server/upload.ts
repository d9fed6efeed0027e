import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { withoutControlCharacters } from '../app/plain-text.js';
import { isUserError, UserError } from '../errors.js';
import { HttpError } from './http-error.js';

/**
 * An upload streamed into the workspace's `uploads/` folder: the files, an optional mapping file and
 * the text fields. Received parts wait in a private folder; at its import's turn `place` moves each
 * file to `uploads/<its name>`, so that the import log names an uploaded file by its name, a
 * re-upload of the same file is the same file (idempotent, and allowed to replace its own rows),
 * and the default source is the name's stem, as for files on the command line.
 */
export interface Upload {
  files: { path: string; name: string }[];
  mapping: string | undefined;
  fields: Record<string, string>;
  /** Moves the files to `uploads/<name>` (call inside the import's turn); `files[].path` follow. */
  place(): Promise<void>;
  /** Text with the upload's paths replaced by the names the client gave (for messages and rejects). */
  shown(text: string): string;
  /** Removes every file of the upload, received or placed. */
  discard(): Promise<void>;
}

export interface UploadLimits {
  /** Bytes per file; a larger file fails the request with 413 and nothing is kept. */
  fileBytes: number;
  files: number;
}

export const UPLOADS_FOLDER = 'uploads';

/** Removes what a server that stopped without cleaning up left in `uploads/` (call while owning the workspace). */
export async function clearUploads(workspaceDir: string): Promise<void> {
  await rm(join(workspaceDir, UPLOADS_FOLDER), { recursive: true, force: true });
}

/**
 * Streams a multipart request's parts to disk as they arrive (never whole in memory). Files get
 * names made from the client's that cannot leave their folder; `mapping` is a YAML mapping file;
 * every other part is a text field.
 */
export async function receiveUpload(
  request: FastifyRequest,
  limits: UploadLimits,
  workspaceDir: string,
): Promise<Upload> {
  const uploads = join(workspaceDir, UPLOADS_FOLDER);
  await mkdir(uploads, { recursive: true });
  const incoming = await mkdtemp(join(uploads, '.incoming-'));
  const names = new Map<string, string>();
  const placed: string[] = [];
  const upload: Upload = {
    files: [],
    mapping: undefined,
    fields: {},
    place: async () => {
      const taken = new Set<string>();
      for (const file of upload.files) {
        const name = unique(basename(file.path), taken);
        const target = join(uploads, name);
        await rename(file.path, target);
        placed.push(target);
        names.set(target, file.name);
        file.path = target;
      }
    },
    shown: (text) => [...names].reduce((t, [path, name]) => t.replaceAll(path, name), text),
    discard: async () => {
      for (const path of placed) await rm(path, { force: true });
      await rm(incoming, { recursive: true, force: true });
    },
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
      // A folder per part: two parts may carry the same name.
      const folder = join(incoming, isMapping ? 'mapping' : String(upload.files.length + 1));
      await mkdir(folder);
      const path = join(folder, safeFileName(part.filename ?? (isMapping ? 'mapping.yaml' : undefined)));
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

/** `name`, or `stem-2.ext`, `stem-3.ext`, … when this upload already placed a file of that name. */
function unique(name: string, taken: Set<string>): string {
  const ext = extname(name);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++)
    candidate = `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
  taken.add(candidate);
  return candidate;
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
