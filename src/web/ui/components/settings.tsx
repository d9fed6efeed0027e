import { Fragment } from 'preact';
import { resolveDefinitions } from '../../../metrics/definitions.js';
import type { WorkspaceConfig } from '../../../model/config.js';
import { describeDefinitionsDe } from '../../../report/definitions-de.js';
import { DEFINITION_LABELS } from '../../../report/labels.js';
import { useDashboard } from '../context.js';
import { SettingForm } from './setting-form.js';

/** The definitions in force: the workspace's percontact.yaml holds them; an admin changes some here. */
export function Settings() {
  const { tx, config, me } = useDashboard();
  let definitions = config.definitions;
  if (tx.lang === 'de') {
    try {
      definitions = {
        ...definitions,
        ...describeDefinitionsDe(resolveDefinitions(config.config as unknown as WorkspaceConfig)),
      };
    } catch {
      // A configuration this build does not know keeps its English definitions.
    }
  }
  const c = config.config;
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{tx.t('settingsHeading')}</h2>
      {me.role !== 'admin' && <p class="muted">{tx.t('settingsReadOnly')}</p>}
      <dl class="settings">
        <dt>{tx.term({ en: 'Currency', de: 'Währung' })}</dt>
        <dd data-setting="currency">{c.currency}</dd>
        <dt>{tx.term({ en: 'Time zone', de: 'Zeitzone' })}</dt>
        <dd data-setting="timezone">{c.timezone}</dd>
        {Object.entries(definitions).map(([key, text]) => (
          <Fragment key={key}>
            <dt>{DEFINITION_LABELS[key] ? tx.term(DEFINITION_LABELS[key]) : key}</dt>
            <dd data-definition={key}>{text}</dd>
          </Fragment>
        ))}
      </dl>
      {me.role === 'admin' && <SettingForm />}
    </section>
  );
}
