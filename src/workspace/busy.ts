import { UserError } from '../errors.js';

/** Who holds a workspace another process wants: a writer (an import) or, for a writer, a reader. */
export interface BusyHolder {
  pid: number | null;
  /** The holder only reads (a report); then other readers could open the workspace beside it. */
  reading: boolean;
  /** One line for the user: "an import is running (pid 123)". */
  what: string;
}

export interface BusyWait {
  /** How long to wait for the holder to finish before failing with WORKSPACE_BUSY. */
  timeoutMs: number;
  /** Called once, when the open starts waiting. */
  onWait?: (holder: BusyHolder, timeoutMs: number) => void;
}

/** Default wait for a busy workspace: long enough for a typical import to commit. */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;
const RETRY_MS = 200;

/**
 * The holder named by the engine's refusal to lock the database file, or undefined when the error is
 * something else. DuckDB: `Could not set lock on file "…": Conflicting lock is held in … (PID 123)`,
 * adding that the file could be opened read-only when the holder only reads.
 */
export function busyHolder(error: unknown): BusyHolder | undefined {
  const message = String((error as Error)?.message ?? '');
  if (!/Could not set lock on file/i.test(message)) return undefined;
  const pid = /\(PID (\d+)\)/.exec(message)?.[1];
  const reading = /read-only mode/i.test(message);
  const process = pid ? ` (pid ${pid})` : '';
  return {
    pid: pid ? Number(pid) : null,
    reading,
    what: reading ? `another percontact command is reading it${process}` : `an import is running${process}`,
  };
}

/** Runs `open` until the workspace is free or the wait times out; other errors pass through. */
export async function whenFree<T>(open: () => Promise<T>, wait: BusyWait): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      const holder = busyHolder(error);
      if (!holder) throw error;
      if (Date.now() - started >= wait.timeoutMs) {
        throw new UserError('WORKSPACE_BUSY', `workspace busy: ${holder.what}`, { parameter: 'workspace' });
      }
      if (!told) wait.onWait?.(holder, wait.timeoutMs);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
