import { useState } from 'preact/hooks';
import type { ConfigChangeView } from '../../../app/change-config.js';
import { useDashboard } from '../context.js';
import { sendJson } from '../lib/api.js';
import { ErrorBox } from './error-box.js';

/** The settings an admin changes here: one value each (the rest through percontact config set). */
export const EDITABLE_SETTINGS = [
  'serviceLevel.thresholdSeconds',
  'serviceLevel.shortAbandonSeconds',
  'repeatContact.windowDays',
  'csat.topBoxMin',
  'timezone',
] as const;

const valueAt = (config: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], config);

const patchOf = (path: string, value: unknown): Record<string, unknown> =>
  path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;

/** An admin changes one setting of percontact.yaml (PATCH /config); the views then recompute. */
export function SettingForm() {
  const { tx, config, reloadConfig } = useDashboard();
  const [setting, setSetting] = useState<string>(EDITABLE_SETTINGS[0]);
  const [text, setText] = useState(String(valueAt(config.config, setting)));
  const [outcome, setOutcome] = useState<{ saved?: string; error?: Error }>({});
  const choose = (next: string) => {
    setSetting(next);
    setText(String(valueAt(config.config, next)));
    setOutcome({});
  };
  const save = async (event: Event) => {
    event.preventDefault();
    // A number stays a number; anything else goes as written, and the server says what is wrong.
    const value =
      typeof valueAt(config.config, setting) === 'number' && text.trim() !== '' ? Number(text) : text;
    try {
      const view = await sendJson<ConfigChangeView>(
        'PATCH',
        '/config',
        patchOf(setting, Number.isNaN(value) ? text : value),
      );
      const changed = Object.keys(view.after)
        .map((k) => `${k}: ${String(view.before[k])} → ${String(view.after[k])}`)
        .join(', ');
      setOutcome({ saved: changed || tx.t('settingsUnchanged') });
      await reloadConfig();
    } catch (error) {
      setOutcome({ error: error as Error });
    }
  };
  return (
    <form class="setting-form" onSubmit={save}>
      <h3>{tx.t('settingsChange')}</h3>
      <label>
        {tx.t('settingsKey')}
        <select value={setting} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
          {EDITABLE_SETTINGS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tx.t('settingsValue')}
        <input value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit">{tx.t('settingsSave')}</button>
      {outcome.saved && (
        <p role="status" data-saved>
          {outcome.saved}
        </p>
      )}
      {outcome.error && <ErrorBox error={outcome.error} />}
    </form>
  );
}
