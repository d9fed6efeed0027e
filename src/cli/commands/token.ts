import type { Command } from 'commander';
import { createTokenRequest, listTokensRequest } from '../../app/requests/tokens.js';
import { whereOf, whereOptions } from '../command-options.js';
import { io } from '../io.js';
import { requestFlags, requestOf } from '../params.js';
import { readAction } from '../read-command.js';
import { printWrite } from '../run-operation.js';

/** `percontact token create|list|revoke`: the HTTP API's tokens, kept in the workspace as hashes. */
export function registerToken(program: Command): void {
  const command = program
    .command('token')
    .description('create, list and revoke tokens of the HTTP API (percontact serve)');
  const create = command
    .command('create')
    .description('create a token and print it once (the workspace keeps only its hash)');
  requestFlags(whereOptions(create), createTokenRequest, {
    role: {
      flags: '--role <role>',
      description: 'viewer (reads), analyst (also imports, costs and plans) or admin (also tokens)',
    },
    name: { flags: '--name <name>', description: 'who or what uses it, e.g. dashboard' },
  }).action(async (opts: Record<string, unknown>) => {
    const { createToken } = await import('../../app/tokens.js');
    const request = await requestOf(create, opts);
    await printWrite(whereOf(opts), 'token', {
      local: (ws, actor) => createToken(ws, actor, request as Parameters<typeof createToken>[2]),
      remote: { method: 'POST', path: '/tokens', request },
      text: (created) => {
        io.err(
          `percontact: token ${created.id} (${created.role}, ${created.name}) created; it is shown only now\n`,
        );
        return `${created.token}\n`;
      },
    });
  });
  const list = command.command('list').description('list the tokens (never their secrets)');
  requestFlags(whereOptions(list), listTokensRequest, { revoked: '--revoked' });
  readAction(list, ['table'], async () => (await import('../../app/tokens.js')).listTokensOperation);
  const revoke = command
    .command('revoke')
    .description('revoke a token: it stops authenticating at once')
    .argument('<id>', 'the token id (the 12 hex digits after pct_)');
  whereOptions(revoke).action(async (id: string, opts: Record<string, unknown>) => {
    const { revokeToken } = await import('../../app/tokens.js');
    await printWrite(whereOf(opts), 'token', {
      local: (ws, actor) => revokeToken(ws, actor, { id }),
      remote: { method: 'DELETE', path: `/tokens/${encodeURIComponent(id)}` },
      text: (revoked) => {
        io.err(`percontact: token ${revoked.id} (${revoked.role}, ${revoked.name}) revoked\n`);
        return '';
      },
    });
  });
}
