/**
 * Where commands write. Commands use `io.out`/`io.err` instead of process streams, so tests can run the
 * CLI in-process and read what it printed.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean;
}

export const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
};

/** Runs `work` with output captured; for tests. */
export async function captureIo<T>(work: () => Promise<T>): Promise<{ result: T; out: string; err: string }> {
  const saved = { ...io };
  let out = '';
  let err = '';
  io.out = (text) => {
    out += text;
  };
  io.err = (text) => {
    err += text;
  };
  io.interactive = false;
  try {
    const result = await work();
    return { result, out, err };
  } finally {
    Object.assign(io, saved);
  }
}
