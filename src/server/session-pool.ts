import type { Engine } from '../engine/engine.js';

/** An engine that can open further connections to its database, each with transactions of its own. */
export interface ConnectingEngine extends Engine {
  connect(): Promise<Engine & { interrupt(): void }>;
}

export function isConnectingEngine(engine: Engine): engine is ConnectingEngine {
  return typeof (engine as Partial<ConnectingEngine>).connect === 'function';
}

export type Session = Engine & { interrupt(): void };

/**
 * Reader connections, opened on demand up to `size` and reused; callers beyond that wait their turn.
 * Each reader runs one request at a time, so its transaction is its own.
 */
export class SessionPool {
  private readonly idle: Session[] = [];
  private readonly waiting: ((session: Session) => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly engine: ConnectingEngine,
    private readonly size: number,
  ) {}

  async use<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    try {
      return await work(session);
    } finally {
      this.release(session);
    }
  }

  private async acquire(): Promise<Session> {
    if (this.closed) throw new Error('session pool is closed');
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.open < this.size) {
      this.open++;
      try {
        return await this.engine.connect();
      } catch (error) {
        this.open--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(session: Session): void {
    const next = this.waiting.shift();
    if (next) next(session);
    else this.idle.push(session);
  }

  /** Closes the idle connections; call when no request runs any more. */
  async close(): Promise<void> {
    this.closed = true;
    for (const session of this.idle.splice(0)) await session.close();
  }
}
