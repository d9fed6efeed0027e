import type { Command } from 'commander';
import { reportRequest } from '../../app/requests/report.js';
import { outOption, whereOptions } from '../command-options.js';
import { requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .description('cost per contact and service figures per period and segment');
  requestFlags(whereOptions(command), reportRequest, {
    period: '--period <unit>',
    from: '--from <date>',
    to: '--to <date>',
    by: { flags: '--by <dims>', description: 'break down by channel,queue,team,agent,topic' },
    detail: '--detail <level>',
    compare: {
      flags: '--compare <with>',
      description:
        'add each row in the previous period or the same period a year earlier: previous or year-ago',
    },
    prorateToContacts: '--prorate-to-contacts',
    trend: {
      flags: '--trend <n>',
      description:
        'cost per contact per channel over the last N periods, with the change and the benchmark gap (table or json)',
    },
    locale: {
      flags: '--locale <locale>',
      description: 'number, date and currency formats and labels: en-US or de-DE',
    },
  });
  readAction(
    outOption(command),
    ['table', 'csv', 'html', 'xlsx', 'pdf'],
    async () => (await import('../../app/report.js')).reportOperation,
  );
}
