import cliProgress from 'cli-progress';
import type { Engine } from '../engine/engine.js';

export interface ProgressBar {
  /** Called when an import phase starts. */
  phase(name: string): void;
  stop(): void;
}

/**
 * A progress bar on a terminal stream: the phase's name and how far the engine has got with the
 * statement it is running (polled, since the statement runs on the engine's threads). The bar hides
 * the cursor and turns autowrap off; Ctrl-C (or SIGTERM) while it shows restores both and then ends
 * the process as the signal would have (the import's transaction never commits).
 */
export function progressBar(engine: Engine, stream: NodeJS.WritableStream): ProgressBar {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let current = 'reading';
  let stopped = false;
  const interrupted = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  bar.start(100, 0, { phase: pad(current) });
  const timer = setInterval(() => {
    const done = engine.progress();
    if (done !== null) bar.update(Math.round(done * 100), { phase: pad(current) });
  }, 200);
  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    bar.stop();
  }
  return {
    phase(name) {
      current = name;
      bar.update(0, { phase: pad(name) });
    },
    stop,
  };
}

function pad(phase: string): string {
  return phase.padEnd(16);
}
