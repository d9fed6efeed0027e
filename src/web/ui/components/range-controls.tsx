import { useEffect, useState } from 'preact/hooks';
import { GRANULARITIES, type Granularity } from '../../../calendar/period.js';
import { useDashboard } from '../context.js';
import { BreakdownSelect } from './breakdown-select.js';

/** Periods, range and breakdown of the overview: the report's `period`, `from`, `to`, `by`. */
export function RangeControls({ breakdown = true }: { breakdown?: boolean }) {
  const { state, navigate, tx } = useDashboard();
  const [draft, setDraft] = useState({
    period: state.period,
    from: state.from ?? '',
    to: state.to ?? '',
    by: state.by,
  });
  useEffect(
    () => setDraft({ period: state.period, from: state.from ?? '', to: state.to ?? '', by: state.by }),
    [state.period, state.from, state.to, state.by],
  );
  return (
    <form
      class="controls"
      onSubmit={(event) => {
        event.preventDefault();
        navigate({
          period: draft.period,
          from: draft.from.trim() || undefined,
          to: draft.to.trim() || undefined,
          by: draft.by,
        });
      }}
    >
      <label>
        {tx.t('periodKind')}
        <select
          name="period"
          value={draft.period}
          onChange={(e) => setDraft({ ...draft, period: e.currentTarget.value as Granularity })}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {tx.granularity(g)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tx.t('from')}
        <input
          name="from"
          value={draft.from}
          size={10}
          placeholder="2026-08"
          aria-describedby="range-hint"
          onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
      </label>
      <label>
        {tx.t('to')}
        <input
          name="to"
          value={draft.to}
          size={10}
          placeholder="2026-10"
          aria-describedby="range-hint"
          onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
      </label>
      {breakdown && <BreakdownSelect value={draft.by} onChange={(by) => setDraft({ ...draft, by })} />}
      <button type="submit" class="primary">
        {tx.t('apply')}
      </button>
      <p id="range-hint" class="hint">
        {tx.t('rangeHint')}
      </p>
    </form>
  );
}
