import type { Command } from 'commander';
import { explainRequest } from '../../app/requests/explain.js';
import { DIMENSIONS } from '../../model/contact.js';
import { formatOption, whereOf, whereOptions } from '../command-options.js';
import { requestFlags, requestOf } from '../params.js';
import { printOperation } from '../run-operation.js';

export function registerExplain(program: Command): void {
  const command = program
    .command('explain')
    .description(
      'a figure and everything behind it: cost lines, prorated and allocated parts, contacts by outcome',
    );
  requestFlags(whereOptions(command), explainRequest, {
    period: '--period <period>',
    metric: '--metric <name>',
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, `--${d} <value>`])),
    locale: '--locale <locale>',
  });
  formatOption(command, ['table']).action(async (opts: Record<string, unknown> & { format: string }) => {
    const { explainOperation } = await import('../../app/explain.js');
    await printOperation(explainOperation, await requestOf(command, opts), whereOf(opts), {
      format: opts.format,
      workspace: 'required',
    });
  });
}
