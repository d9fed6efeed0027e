import type { Command } from 'commander';
import { io } from '../io.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create an empty workspace: DIR/percontact.yaml and the DuckDB file')
    .argument('<dir>', 'folder for the new workspace (must be new or empty)')
    .option('--currency <code>', 'reporting currency (ISO 4217)', 'EUR')
    .option('--timezone <tz>', 'IANA time zone reports bucket in', 'Europe/Berlin')
    .action(async (dir: string, opts: { currency: string; timezone: string }) => {
      const { assertCurrencyCode } = await import('../../money/currency.js');
      const { assertTimeZone } = await import('../../calendar/time-zone.js');
      const { defaultConfig } = await import('../../model/config.js');
      const { initWorkspace } = await import('../../workspace/workspace.js');
      const config = defaultConfig(assertCurrencyCode(opts.currency), assertTimeZone(opts.timezone));
      const workspace = await initWorkspace(dir, config);
      await workspace.close();
      io.out(`created workspace ${dir} (${config.currency}, ${config.timezone})\n`);
    });
}
