import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { io } from '../io.js';
import { integerOption } from '../options.js';

interface PullLiveAgentCliOptions {
  workspace: string;
  url: string;
  apiKeyEnv: string;
  from: string;
  to: string;
  perPage?: number;
}

/** `percontact pull liveagent …`: contacts fetched from a service's API and imported like files. */
export function registerPull(program: Command): void {
  const command = program.command('pull').description("fetch contacts from a service's API and import them");
  command
    .command('liveagent')
    .description('fetch LiveAgent calls and tickets (API v3) created in a day range and import them')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .requiredOption('--url <url>', "the account's address, e.g. https://ACCOUNT.ladesk.com")
    .requiredOption('--api-key-env <var>', 'name of the environment variable that holds the API v3 key')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD, UTC) of records created')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD, UTC) included')
    .option('--per-page <n>', 'records per API page (default 100)', integerOption('--per-page', 1))
    .action(async (opts: PullLiveAgentCliOptions) => {
      // The key is read from the environment and never printed; only the variable's name is.
      const apiKey = process.env[opts.apiKeyEnv];
      if (!apiKey)
        throw new UserError('USAGE', `--api-key-env ${opts.apiKeyEnv}: that environment variable is not set`);
      const { openWorkspace } = await import('../../workspace/workspace.js');
      const { pullLiveAgent } = await import('../../app/pull.js');
      const { formatSummary } = await import('../../ingest/pipeline/summary.js');
      const workspace = await openWorkspace(opts.workspace);
      try {
        const view = await pullLiveAgent(workspace, {
          url: opts.url,
          apiKey,
          from: opts.from,
          to: opts.to,
          ...(opts.perPage ? { perPage: opts.perPage } : {}),
          onProgress: io.interactive ? (text) => io.err(`\r${text}   `) : undefined,
        });
        if (io.interactive) io.err('\n');
        io.out(`pulled LiveAgent ${view.range.from} to ${view.range.to} into ${view.folder}\n`);
        for (const [name, kind] of [
          ['calls', view.calls],
          ['tickets', view.tickets],
        ] as const) {
          const left =
            kind.leftOut > 0
              ? `, ${kind.leftOut} left out${name === 'tickets' ? ' (call tickets, or created outside the range)' : ' (created outside the range)'}`
              : '';
          io.out(`  ${name.padEnd(8)} ${kind.fetched} fetched in ${kind.pages} pages${left}\n`);
        }
        for (const summary of view.imports) io.out(formatSummary(summary));
      } finally {
        await workspace.close();
      }
    });
}
