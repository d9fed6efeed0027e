import type { Command } from 'commander';
import { io } from '../io.js';
import { integerOption, positiveNumberOption } from '../options.js';

interface ServeCliOptions {
  workspace: string;
  host: string;
  port: number;
  local?: boolean;
  uploadLimit: number;
  rateLimit: number;
  requestTimeout: number;
  cors?: string;
}

/** `percontact serve`: the HTTP API over one workspace, until SIGTERM or SIGINT. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the workspace over HTTP: the JSON API under /api/v1 with tokens, roles and an audit log',
    )
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', integerOption('--port'), 8080)
    .option('--local', 'answer loopback requests without a token (only with a loopback --host)')
    .option(
      '--upload-limit <MB>',
      'largest file an import may upload',
      positiveNumberOption('--upload-limit'),
      200,
    )
    .option('--rate-limit <n>', 'requests per minute per token', integerOption('--rate-limit', 1), 600)
    .option(
      '--request-timeout <seconds>',
      'time to receive a request, upload included',
      positiveNumberOption('--request-timeout'),
      120,
    )
    .option('--cors <origins>', 'comma-separated origins whose pages may call the API (default: none)')
    .action(async (opts: ServeCliOptions) => {
      const { serve } = await import('../../server/serve.js');
      const running = await serve({
        workspace: opts.workspace,
        host: opts.host,
        port: opts.port,
        local: opts.local === true,
        uploadLimitBytes: Math.round(opts.uploadLimit * 1024 * 1024),
        rateLimitPerMinute: opts.rateLimit,
        requestTimeoutMs: Math.round(opts.requestTimeout * 1000),
        corsOrigins: (opts.cors ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o.length > 0),
      });
      const local = opts.local ? '; loopback requests need no token (--local)' : '';
      io.err(
        `percontact: serving ${opts.workspace} at ${running.url} (API ${running.url}/api/v1, docs ${running.url}/api/v1/docs${local})\n`,
      );
      if (!opts.local && !running.server.context.auth.hasTokens) {
        io.err(
          'percontact: this workspace has no tokens yet, so every request gets 401: stop, run percontact token create, start again\n',
        );
      }
      await untilSignal();
      if (running.server.context.host.busyWith)
        io.err(`percontact: stopping after the running ${running.server.context.host.busyWith}\n`);
      else io.err('percontact: stopping\n');
      await running.close();
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
