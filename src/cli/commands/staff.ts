import type { Command } from 'commander';
import { staffRequest } from '../../app/requests/staff.js';
import { UserError } from '../../errors.js';
import { whereOf, whereOptions } from '../command-options.js';
import { type FlagSpec, requestFlags } from '../params.js';
import { readAction } from '../read-command.js';

/** The demand, targets and money flags `staff` and `simulate` share (the request's demand fields). */
export const DEMAND_FLAGS: Record<string, string | FlagSpec> = {
  calls: '--calls <n>',
  interval: '--interval <seconds>',
  aht: '--aht <seconds>',
  patience: '--patience <seconds>',
  sl: '--sl <share>',
  within: '--within <seconds>',
  shortAbandon: '--short-abandon <seconds>',
  slFormula: '--sl-formula <name>',
  asa: '--asa <seconds>',
  maxAbandon: '--max-abandon <share>',
  maxOccupancy: '--max-occupancy <share>',
  shrinkage: '--shrinkage <share>',
  agents: '--agents <n>',
  concurrency: '--concurrency <n>',
  intervals: {
    flags: '--intervals <file>',
    description: 'CSV with interval_start, calls, aht_seconds[, patience_seconds]',
    file: true,
  },
  timezone: '--timezone <zone>',
  from: '--from <date>',
  to: '--to <date>',
  channel: '--channel <list>',
  hourlyCost: '--hourly-cost <amount>',
  currency: '--currency <code>',
};

export interface DemandCliOptions extends Record<string, unknown> {
  workspace?: string;
  server?: string;
  calls?: string;
  intervals?: string;
  format: string;
}

/** With --workspace the demand is the workspace's history: one interval or a CSV goes without one. */
export function demandWhere(opts: DemandCliOptions) {
  if (opts.workspace && (opts.calls !== undefined || opts.intervals !== undefined))
    throw new UserError(
      'USAGE',
      `--workspace (the history) does not go with ${opts.calls !== undefined ? '--calls' : '--intervals'}: give one of --calls N, --intervals FILE.csv or --workspace DIR`,
    );
  return whereOf(opts);
}

export function registerStaff(program: Command): void {
  const command = program
    .command('staff')
    .description(
      'agents needed for a service target (Erlang C, or Erlang A with --patience), and what they cost',
    );
  requestFlags(command, staffRequest, {
    ...DEMAND_FLAGS,
    rows: '--rows <rows>',
    locale: '--locale <locale>',
  });
  readAction(
    whereOptions(command, "plan from the workspace's history"),
    ['table', 'csv'],
    async () => (await import('../../app/staff.js')).staffOperation,
    (opts) => ({ where: demandWhere(opts), workspace: 'optional' }),
  );
}
