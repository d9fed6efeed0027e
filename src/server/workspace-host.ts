import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { withWriteHooks } from '../engine/write-hooks.js';
import { UserError } from '../errors.js';
import type { WorkspaceConfig } from '../model/config.js';
import { CONFIG_FILE, readConfig } from '../workspace/config-file.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { CommitGate } from './commit-gate.js';
import { HttpError } from './http-error.js';
import { type ConnectingEngine, isConnectingEngine, type Session, SessionPool } from './session-pool.js';

export interface HostOptions {
  /** Reader connections at most (default 8). */
  readers?: number;
}

/**
 * The server's one open workspace. Reads run on pooled connections, each in a transaction of its
 * own, so a read sees one committed state from start to end; writes run one at a time, each on a
 * fresh connection (an import's temporary tables and its transaction stay its own), and no read
 * overlaps a commit (CommitGate). Every write and every change of percontact.yaml bumps the data
 * version, which keys the result cache.
 */
export class WorkspaceHost {
  private readonly engine: ConnectingEngine;
  private readonly readers: SessionPool;
  private readonly gate = new CommitGate();
  private writes: Promise<unknown> = Promise.resolve();
  private running: string | undefined;
  private generation = 0;
  private readonly boot = randomBytes(4).toString('hex');
  private configStamp: string;
  private configError: UserError | undefined;

  private constructor(
    private readonly workspace: Workspace,
    stamp: string,
    options: Required<HostOptions>,
  ) {
    if (!isConnectingEngine(workspace.engine)) {
      throw new UserError(
        'USAGE',
        `serving a workspace stored in ${workspace.engine.dialect.displayName} is not supported yet (DuckDB workspaces only)`,
        { parameter: 'workspace' },
      );
    }
    this.engine = workspace.engine;
    this.readers = new SessionPool(this.engine, options.readers);
    this.configStamp = stamp;
  }

  static async open(dir: string, options: HostOptions = {}): Promise<WorkspaceHost> {
    // A workspace another process holds (an import) is refused at once, not waited for.
    const workspace = await openWorkspace(dir, { access: 'write', timeoutMs: 0 });
    const stamp = await configStamp(workspace.dir);
    try {
      return new WorkspaceHost(workspace, stamp, { readers: options.readers ?? 8 });
    } catch (error) {
      await workspace.close();
      throw error;
    }
  }

  get dir(): string {
    return this.workspace.dir;
  }

  /** Changes with every write and every edit of percontact.yaml; never repeats within a process. */
  get dataVersion(): string {
    return `${this.boot}-${this.generation}`;
  }

  /** The write running now ("import contacts"), if any. */
  get busyWith(): string | undefined {
    return this.running;
  }

  get config(): WorkspaceConfig {
    if (this.configError) throw this.configError;
    return this.workspace.config;
  }

  /** Picks up an edited percontact.yaml (a stat per call, a read only when it changed). */
  async refresh(): Promise<void> {
    const stamp = await configStamp(this.dir);
    if (stamp === this.configStamp) return;
    this.configStamp = stamp;
    this.generation++;
    try {
      this.workspace.config = await readConfig(join(this.dir, CONFIG_FILE));
      this.configError = undefined;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.configError = error;
    }
  }

  /**
   * Runs a read in one transaction on a pooled connection: it sees one committed state throughout.
   * A read running longer than `timeoutMs` is interrupted and fails with 503.
   */
  async read<T>(work: (workspace: Workspace) => Promise<T>, timeoutMs?: number): Promise<T> {
    await this.refresh();
    const config = this.config;
    return this.readers.use((session) =>
      this.gate.read(() =>
        this.withTimeout(session, timeoutMs, () =>
          session.transaction(() => work(this.view(session, config))),
        ),
      ),
    );
  }

  /** Runs a write after the ones before it, on a connection of its own; bumps the data version after. */
  write<T>(what: string, work: (workspace: Workspace) => Promise<T>): Promise<T> {
    const run = async () => {
      await this.refresh();
      const config = this.config;
      const session = await this.engine.connect();
      this.running = what;
      try {
        return await work(this.view(this.gated(session), config));
      } finally {
        this.running = undefined;
        this.generation++;
        await session.close();
      }
    };
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** Waits for the writes queued so far, then closes every connection and the database. */
  async close(): Promise<void> {
    await this.writes;
    await this.readers.close();
    await this.workspace.close();
  }

  /**
   * The session with each commit kept apart from reads (see CommitGate): every transaction, and every
   * change set, takes the gate once its work is done and holds it through COMMIT.
   */
  private gated(session: Session): Engine {
    return withWriteHooks(session, {
      transaction: <T>(work: () => Promise<T>): Promise<T> => {
        let release: (() => void) | undefined;
        return session
          .transaction(async () => {
            const result = await work();
            release = await this.gate.exclusive();
            return result;
          })
          .finally(() => release?.());
      },
    });
  }

  private view(session: Engine, config: WorkspaceConfig): Workspace {
    return { dir: this.dir, config, engine: session, paths: 'name', close: async () => {} };
  }

  private async withTimeout<T>(
    session: Session,
    timeoutMs: number | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    if (timeoutMs === undefined) return work();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const running = work();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        session.interrupt();
        reject(
          new HttpError(503, 'TIMEOUT', `the request took longer than ${timeoutMs / 1000} s and was stopped`),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
      // An interrupted read settles soon; the connection goes back to the pool only after it has.
      if (timedOut) await running.catch(() => undefined);
    }
  }
}

async function configStamp(dir: string): Promise<string> {
  const s = await stat(join(dir, CONFIG_FILE)).catch(() => undefined);
  // The inode too: a replaced file (written beside, renamed over) is new even within one mtime tick.
  return s ? `${s.ino}:${s.mtimeMs}:${s.size}` : 'missing';
}
