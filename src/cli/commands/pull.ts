import type { Command } from 'commander';
import { type PullLiveAgentRequest, pullLiveAgentRequest } from '../../app/requests/pull.js';
import { UserError } from '../../errors.js';
import { cliActor } from '../actor.js';
import { whereOf, whereOptions } from '../command-options.js';
import { io } from '../io.js';
import { requestFlags, requestOf } from '../params.js';
import { openCommandWorkspace } from '../workspace.js';

interface PullLiveAgentCliOptions extends Record<string, unknown> {
  workspace?: string;
  server?: string;
  url?: string;
  apiKeyEnv?: string;
}

/** `percontact pull liveagent …`: contacts fetched from a service's API and imported like files. */
export function registerPull(program: Command): void {
  const command = program.command('pull').description("fetch contacts from a service's API and import them");
  const liveagent = command
    .command('liveagent')
    .description('fetch LiveAgent calls and tickets (API v3) created in a day range and import them');
  requestFlags(whereOptions(liveagent), pullLiveAgentRequest, {
    from: '--from <date>',
    to: '--to <date>',
    perPage: '--per-page <n>',
  })
    .option('--url <url>', "the account's address, e.g. https://ACCOUNT.ladesk.com (not with --server)")
    .option(
      '--api-key-env <var>',
      'name of the environment variable that holds the API v3 key (not with --server: the server has its own)',
    )
    .action(async (opts: PullLiveAgentCliOptions) => {
      const request = await requestOf(liveagent, opts);
      const where = whereOf(opts);
      const { pullText } = await import('../../report/pull-text.js');
      const onProgress = io.interactive ? (text: string) => io.err(`\r${text}   `) : undefined;
      let view: Parameters<typeof pullText>[0];
      if (where.server) {
        if (opts.url || opts.apiKeyEnv)
          throw new UserError(
            'USAGE',
            '--url and --api-key-env go without --server: the server pulls from its own account',
          );
        const { callServer, followJob } = await import('../remote.js');
        const accepted = await callServer(where.server, { method: 'POST', path: '/pull/liveagent', request });
        view = (await followJob(where.server, accepted, onProgress)) as typeof view;
      } else {
        if (!where.workspace) throw new UserError('USAGE', 'give --workspace DIR (or --server URL)');
        if (!opts.url) throw new UserError('USAGE', "give --url, the account's address");
        if (!opts.apiKeyEnv)
          throw new UserError('USAGE', 'give --api-key-env VAR, the variable that holds the API key');
        // The key is read from the environment and never printed; only the variable's name is.
        const apiKey = process.env[opts.apiKeyEnv];
        if (!apiKey)
          throw new UserError(
            'USAGE',
            `--api-key-env ${opts.apiKeyEnv}: that environment variable is not set`,
          );
        const { pullLiveAgent } = await import('../../app/pull.js');
        const workspace = await openCommandWorkspace(where.workspace, 'write');
        try {
          view = await pullLiveAgent(workspace, await cliActor(), request as PullLiveAgentRequest, {
            url: opts.url,
            apiKey,
            onProgress,
          });
        } finally {
          await workspace.close();
        }
      }
      if (io.interactive) io.err('\n');
      io.out(pullText(view));
    });
}
