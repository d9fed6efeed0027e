import { randomUUID } from 'node:crypto';
import { type ErrorBody, errorBody } from './error-body.js';
import { HttpError } from './http-error.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A long write (an import) as the API shows it: status, phase, progress, then result or error. */
export interface JobView {
  id: string;
  kind: string;
  /** What was asked, in the words of the request (kind, file names, options). */
  request: Record<string, unknown>;
  status: JobStatus;
  /** The import's phase: reading, checking, writing, listing problems. */
  phase: string | null;
  /** How far the phase's current statement has got, 0..1; null when the engine cannot tell. */
  progress: number | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: unknown;
  error: ErrorBody['error'] | null;
}

export interface JobContext {
  id: string;
  /** Called when the job gets its turn: marks it running, or cancels it when the server is closing. */
  begin(): void;
  phase(name: string): void;
  /** Polled while the job runs. */
  watchProgress(read: () => number | null): void;
}

type Listener = (job: JobView, final: boolean) => void;

const KEEP_FINISHED = 200;
const PROGRESS_MS = 250;

/** Jobs of this server process; finished ones are kept (the last 200) for their results. */
export class Jobs {
  private readonly jobs = new Map<string, JobView>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly running = new Set<Promise<void>>();
  /** Event streams still sending: a shutdown lets them deliver a job's last event first. */
  private readonly streams = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly onBug: (error: unknown) => void) {}

  /**
   * Starts a job (it waits in the workspace's write queue). `run` gets a context for phases and
   * progress; its result becomes the job's; a UserError becomes the job's error.
   */
  submit(
    kind: string,
    request: Record<string, unknown>,
    createdBy: string,
    run: (context: JobContext) => Promise<unknown>,
  ): JobView {
    if (this.closing)
      throw new HttpError(503, 'SHUTTING_DOWN', 'the server is shutting down; try again when it is back');
    const job: JobView = {
      id: randomUUID(),
      kind,
      request,
      status: 'queued',
      phase: null,
      progress: null,
      createdBy,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.forget();
    const done = this.execute(job, run).finally(() => this.running.delete(done));
    this.running.add(done);
    return { ...job };
  }

  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  list(): JobView[] {
    return [...this.jobs.values()].reverse().map((job) => ({ ...job }));
  }

  /** Calls `listener` with the job now and on every change; returns how to stop listening. */
  subscribe(id: string, listener: Listener): () => void {
    const job = this.jobs.get(id);
    if (!job) return () => {};
    const final = isFinal(job.status);
    listener({ ...job }, final);
    if (final) return () => {};
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  /** Refuses new jobs, cancels the queued ones and waits for the running one (it completes or rolls back). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.running]);
    await Promise.all([...this.streams]);
  }

  /** Keeps a shutdown waiting until `sent` settles (an event stream has written its last event). */
  holdFor(sent: Promise<void>): void {
    const held = sent.finally(() => this.streams.delete(held));
    this.streams.add(held);
  }

  private async execute(job: JobView, run: (context: JobContext) => Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const context: JobContext = {
      id: job.id,
      begin: () => {
        if (this.closing) throw new Cancelled();
        Object.assign(job, { status: 'running', startedAt: new Date().toISOString() });
        this.emit(job);
      },
      phase: (name) => {
        Object.assign(job, { phase: name, progress: null });
        this.emit(job);
      },
      watchProgress: (read) => {
        clearInterval(timer);
        timer = setInterval(() => {
          const progress = read();
          if (progress !== null && progress !== job.progress) {
            job.progress = progress;
            this.emit(job);
          }
        }, PROGRESS_MS);
      },
    };
    try {
      const result = await run(context);
      Object.assign(job, { status: 'succeeded', result, progress: 1 });
    } catch (error) {
      if (error instanceof Cancelled) {
        job.status = 'cancelled';
        return;
      }
      const body = errorBody(error);
      if (!body) this.onBug(error);
      Object.assign(job, {
        status: 'failed',
        error: body?.error ?? {
          status: 500,
          code: 'INTERNAL',
          message: `internal error (see the server log; job ${job.id})`,
        },
      });
    } finally {
      clearInterval(timer);
      job.finishedAt = new Date().toISOString();
      job.startedAt ??= job.finishedAt;
      this.emit(job, true);
      this.listeners.delete(job.id);
    }
  }

  private emit(job: JobView, final = false): void {
    for (const listener of this.listeners.get(job.id) ?? []) listener({ ...job }, final);
  }

  private forget(): void {
    const finished = [...this.jobs.values()].filter((j) => isFinal(j.status));
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.id);
  }
}

class Cancelled extends Error {}

function isFinal(status: JobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
