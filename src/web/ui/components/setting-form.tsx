import { useState } from 'preact/hooks';
import type { ConfigChangeView } from '../../../app/change-config.js';
import { settingAt, settingPatch } from '../../../app/setting-path.js';
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

/** An admin changes one setting of percontact.yaml (PATCH /config); the views then recompute. */
export function SettingForm() {
  const { tx, config, reloadConfig } = useDashboard();
  const [setting, setSetting] = useState<string>(EDITABLE_SETTINGS[0]);
  const [text, setText] = useState(String(settingAt(config.config, setting)));
  const [outcome, setOutcome] = useState<{ saved?: string; error?: Error }>({});
  const choose = (next: string) => {
    setSetting(next);
    setText(String(settingAt(config.config, next)));
    setOutcome({});
  };
  const save = async (event: Event) => {
    event.preventDefault();
    // A number stays a number; anything else goes as written, and the server says what is wrong.
    const number = text.trim() === '' ? Number.NaN : Number(text);
    const numeric = typeof settingAt(config.config, setting) === 'number' && !Number.isNaN(number);
    try {
      const view = await sendJson<ConfigChangeView>(
        'PATCH',
        '/config',
        settingPatch(setting, numeric ? number : text),
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
