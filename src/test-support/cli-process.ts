import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A CLI run in a process of its own (from source, through tsx), with what it printed so far. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once stderr contains `text`; rejects if the process ends first. */
  stderrContains(text: string): Promise<void>;
  /** The exit code (null when killed) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `script` runs instead of the CLI from source: the built bin/percontact.js, for measurements. */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
  script?: string,
): CliProcess {
  const child = spawn(
    process.execPath,
    script
      ? [script, ...args]
      : ['--import', 'tsx', join(repo, 'src', 'ingest', 'fixtures', 'run-cli.ts'), ...args],
    { cwd: repo, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    stderrContains: (text) =>
      new Promise<void>((ready, fail) => {
        const check = () => {
          if (!stderr.includes(text)) return;
          child.stderr.off('data', check);
          ready();
        };
        child.stderr.on('data', check);
        check();
        void exited.then(() => {
          if (!stderr.includes(text)) fail(new Error(`ended without printing "${text}": ${stderr}`));
        });
      }),
    exited,
  };
}
