/**
 * Keeps reads and commits apart: a commit waits for the reads running and holds new ones back until
 * it is done (commits go first, so reads cannot starve them).
 *
 * Why: DuckDB 1.5.6 breaks snapshot isolation while it commits rows written optimistically (a large
 * INSERT … SELECT FROM read_csv): a transaction overlapping that COMMIT can see none, part or all of
 * the rows in successive statements (measured: 5, then 120,837 of 150,005 rows, within one read
 * transaction). Outside the COMMIT, isolation holds. The gate makes every read transaction lie wholly
 * before or wholly after each commit; it costs readers the commit's duration.
 */
export class CommitGate {
  private reads = 0;
  private committing = false;
  private readonly commitsWaiting: (() => void)[] = [];
  private readonly readsWaiting: (() => void)[] = [];

  async read<T>(work: () => Promise<T>): Promise<T> {
    // A waiting read is counted when it is let in (see `release`), so no commit slips in between.
    if (this.committing || this.commitsWaiting.length > 0)
      await new Promise<void>((resolve) => this.readsWaiting.push(resolve));
    else this.reads++;
    try {
      return await work();
    } finally {
      this.reads--;
      if (this.reads === 0 && !this.committing) this.grantCommit();
    }
  }

  /** Waits until no read runs and keeps new ones out; call the returned function when the commit is over. */
  async exclusive(): Promise<() => void> {
    if (!this.committing && this.reads === 0) this.committing = true;
    else await new Promise<void>((resolve) => this.commitsWaiting.push(resolve));
    return () => this.release();
  }

  private release(): void {
    this.committing = false;
    if (this.grantCommit()) return;
    const waiting = this.readsWaiting.splice(0);
    this.reads += waiting.length;
    for (const resume of waiting) resume();
  }

  private grantCommit(): boolean {
    const next = this.commitsWaiting.shift();
    if (!next) return false;
    this.committing = true;
    next();
    return true;
  }
}
