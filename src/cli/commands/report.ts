import type { Command } from 'commander';
import type { Granularity } from '../../calendar/period.js';
import { UserError } from '../../errors.js';
import type { Dimension } from '../../model/contact.js';
import { io } from '../io.js';
import { choiceOption, dimensionsOption, granularityOption, integerOption } from '../options.js';
import { openCommandWorkspace } from '../workspace.js';

const FORMATS = ['table', 'json', 'csv', 'html', 'xlsx', 'pdf'] as const;
const BINARY = ['xlsx', 'pdf'] as const;
const LOCALES = ['en-US', 'de-DE'] as const;
const COMPARE = ['previous', 'year-ago'] as const;
type Format = (typeof FORMATS)[number];

interface ReportCliOptions {
  workspace: string;
  period: Granularity;
  from?: string;
  to?: string;
  by: Dimension[];
  format: Format;
  locale: (typeof LOCALES)[number];
  compare?: (typeof COMPARE)[number];
  out?: string;
  detail: 'headline' | 'full';
  prorateToContacts?: boolean;
  trend?: number;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('cost per contact and service figures per period and segment')
    .requiredOption('-w, --workspace <dir>', 'workspace folder')
    .option('--period <unit>', 'day, week (ISO), month, quarter or year', granularityOption, 'month')
    .option(
      '--from <date>',
      'first date or period included (e.g. 2026-01 or 2026-01-15); default: the first of the whole periods in which both contacts and costs exist',
    )
    .option('--to <date>', 'last date or period included; default: the last of those whole periods')
    .option('--by <dims>', 'break down by channel,queue,team,agent,topic', dimensionsOption, [])
    .option('--format <format>', FORMATS.join(', '), choiceOption('--format', FORMATS), 'table')
    .option(
      '--locale <locale>',
      'number, date and currency formats and labels: en-US or de-DE',
      choiceOption('--locale', LOCALES),
      'en-US',
    )
    .option(
      '--compare <with>',
      'add each row in the previous period or the same period a year earlier: previous or year-ago',
      choiceOption('--compare', COMPARE),
    )
    .option(
      '--detail <level>',
      'headline, or full to add repeat contacts (FCR, cost per resolution) and AHT median/p90',
      choiceOption('--detail', ['headline', 'full'] as const),
      'headline',
    )
    .option(
      '--prorate-to-contacts',
      'in a period whose contacts cover only some of its days, count only the costs of those days',
    )
    .option(
      '--trend <n>',
      'cost per contact per channel over the last N periods, with the change and the benchmark gap (table or json)',
      integerOption('--trend', 2),
    )
    .option('-o, --out <file>', 'write the report to this file (required for xlsx and pdf on a terminal)')
    .action(async (opts: ReportCliOptions) => {
      if (opts.trend !== undefined) return trend(opts);
      const binary = (BINARY as readonly string[]).includes(opts.format);
      if (binary && !opts.out && process.stdout.isTTY) {
        throw new UserError(
          'USAGE',
          `--format ${opts.format} is binary: write it to a file with --out FILE or redirect stdout`,
        );
      }
      const { renderReport, renderReportBytes } = await import('../../report/render.js');
      const workspace = await openCommandWorkspace(opts.workspace, 'read');
      try {
        const options = {
          granularity: opts.period,
          from: opts.from,
          to: opts.to,
          by: opts.by,
          detail: opts.detail,
          prorateToContacts: opts.prorateToContacts === true,
        };
        const settings = { locale: opts.locale, compare: opts.compare, width: terminalWidth(opts.out) };
        const output =
          opts.format === 'xlsx' || opts.format === 'pdf'
            ? await renderReportBytes(workspace, options, opts.format, settings)
            : await renderReport(workspace, options, opts.format, settings);
        await emit(output, opts.out);
      } finally {
        await workspace.close();
      }
    });
}

/** The terminal's columns when the table goes to one; undefined (full width) when piped or written to a file. */
function terminalWidth(out: string | undefined): number | undefined {
  return !out && process.stdout.isTTY ? process.stdout.columns : undefined;
}

async function trend(opts: ReportCliOptions): Promise<void> {
  if (opts.format !== 'table' && opts.format !== 'json') {
    throw new UserError('USAGE', `--trend prints a table or json, not --format ${opts.format}`);
  }
  if (opts.from || opts.by.length > 0 || opts.compare) {
    throw new UserError(
      'USAGE',
      '--trend takes --to and --period; it is by channel, over the last N periods',
    );
  }
  const { renderTrendReport } = await import('../../report/render.js');
  const workspace = await openCommandWorkspace(opts.workspace, 'read');
  try {
    const options = {
      granularity: opts.period,
      to: opts.to,
      by: ['channel' as const],
      lastPeriods: opts.trend,
      prorateToContacts: opts.prorateToContacts === true,
    };
    const settings = { locale: opts.locale, width: terminalWidth(opts.out) };
    await emit(await renderTrendReport(workspace, options, opts.format, settings), opts.out);
  } finally {
    await workspace.close();
  }
}

/** Writes a report to a file, or to stdout (binary data bypasses io). */
export async function emit(output: string | Uint8Array, file: string | undefined): Promise<void> {
  if (file) {
    const { writeFile } = await import('node:fs/promises');
    try {
      await writeFile(file, output);
    } catch (error) {
      throw new UserError(
        'USAGE',
        `--out ${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        {
          file,
        },
      );
    }
  } else if (typeof output === 'string') {
    io.out(output);
  } else {
    // Binary data bypasses io (text only); the terminal check above keeps it off screens.
    process.stdout.write(output);
  }
}
