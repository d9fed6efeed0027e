import type { Command } from 'commander';
import { io } from '../io.js';
import { choiceOption } from '../options.js';
import { withWorkspace } from '../with-workspace.js';

const ROLES = ['viewer', 'analyst', 'admin'] as const;

/** `percontact token create|list|revoke`: the HTTP API's tokens, kept in the workspace as hashes. */
export function registerToken(program: Command): void {
  const command = program
    .command('token')
    .description('create, list and revoke tokens of the HTTP API (percontact serve)');
  command
    .command('create')
    .description('create a token and print it once (the workspace keeps only its hash)')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .requiredOption(
      '--role <role>',
      'viewer (reads), analyst (also imports and edits costs) or admin (also tokens)',
      choiceOption('--role', ROLES),
    )
    .requiredOption('--name <name>', 'who or what uses it, e.g. dashboard')
    .action(async (opts: { workspace: string; role: (typeof ROLES)[number]; name: string }) => {
      const { createToken } = await import('../../app/tokens.js');
      const created = await withWorkspace(opts.workspace, async (ws, actor) =>
        createToken(ws, actor, { role: opts.role, name: opts.name }),
      );
      io.out(`${created.token}\n`);
      io.err(
        `percontact: token ${created.id} (${created.role}, ${created.name}) created; it is shown only now\n`,
      );
    });
  command
    .command('list')
    .description('list the tokens (never their secrets)')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--revoked', 'include revoked tokens')
    .option(
      '--format <format>',
      'table or json',
      choiceOption('--format', ['table', 'json'] as const),
      'table',
    )
    .action(async (opts: { workspace: string; revoked?: boolean; format: 'table' | 'json' }) => {
      const { listTokens } = await import('../../app/tokens.js');
      const { alignColumns } = await import('../../text/columns.js');
      const { tokens } = await withWorkspace(opts.workspace, (ws) =>
        listTokens(ws, { revoked: opts.revoked === true }),
      );
      if (opts.format === 'json') {
        io.out(`${JSON.stringify({ tokens }, null, 2)}\n`);
        return;
      }
      const rows = tokens.map((t) => [t.id, t.role, t.name, t.createdAt, t.createdBy, t.revokedAt ?? '']);
      const table = alignColumns([['id', 'role', 'name', 'created', 'by', 'revoked'], ...rows], () => 'left');
      io.out(tokens.length === 0 ? 'no tokens\n' : `${table.join('\n')}\n`);
    });
  command
    .command('revoke')
    .description('revoke a token: it stops authenticating at once')
    .argument('<id>', 'the token id (the 12 hex digits after pct_)')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .action(async (id: string, opts: { workspace: string }) => {
      const { revokeToken } = await import('../../app/tokens.js');
      const revoked = await withWorkspace(opts.workspace, (ws, actor) => revokeToken(ws, actor, { id }));
      io.err(`percontact: token ${revoked.id} (${revoked.role}, ${revoked.name}) revoked\n`);
    });
}
