import { stringify } from 'yaml';
import type { ConfigView } from '../app/config.js';
import { wrapText } from '../text/columns.js';

/** The configuration as the workspace reads it (YAML, defaults filled in), then the definitions in words. */
export function configText(view: ConfigView, width?: number): string {
  const definitions = Object.entries(view.definitions).flatMap(([key, text]) =>
    wrapText(`${key}: ${text}`, width, '  ', '    '),
  );
  return [
    '# percontact.yaml as the workspace reads it, defaults filled in',
    stringify(view.config, { lineWidth: 0 }).trimEnd(),
    '',
    'Definitions in force:',
    ...definitions,
    '',
  ].join('\n');
}
