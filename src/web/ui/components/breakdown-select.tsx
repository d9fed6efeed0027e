import { useDashboard } from '../context.js';
import { BREAKDOWNS, type Breakdown } from '../lib/url-state.js';

/** The `by` of a report or the drivers: channel, queue or team. */
export function BreakdownSelect({ value, onChange }: { value: Breakdown; onChange(by: Breakdown): void }) {
  const { tx } = useDashboard();
  return (
    <label>
      {tx.t('by')}
      <select name="by" value={value} onChange={(e) => onChange(e.currentTarget.value as Breakdown)}>
        {BREAKDOWNS.map((b) => (
          <option key={b} value={b}>
            {tx.dimension(b)}
          </option>
        ))}
      </select>
    </label>
  );
}
