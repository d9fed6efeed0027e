import type { Command } from 'commander';
import { explainRequest } from '../../app/requests/explain.js';
import { DIMENSIONS } from '../../model/contact.js';
import { whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

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
  readAction(command, ['table'], async () => (await import('../../app/explain.js')).explainOperation);
}
