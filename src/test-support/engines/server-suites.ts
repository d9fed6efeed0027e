import { SERVER_SUITES } from './test-engines.js';

/**
 * vitest global setup: after the run, says which server suites ran and which were skipped, and how
 * to run them (the engine conformance suites skip a server whose URL variable is unset).
 */
export default function setup(): () => void {
  return () => {
    const lines = SERVER_SUITES.map(({ name, env, example }) =>
      process.env[env]
        ? `  ran      ${name} (${env}=${process.env[env]})`
        : `  skipped  ${name}: set ${env} (e.g. ${example})`,
    );
    const skipped = SERVER_SUITES.some(({ env }) => !process.env[env]);
    const how = skipped
      ? [
          '  `npm run test:servers` starts local servers where the Debian packages are installed and runs them all',
        ]
      : [];
    process.stdout.write(`\nEngine server suites:\n${[...lines, ...how].join('\n')}\n`);
  };
}
