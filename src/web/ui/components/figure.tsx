import type { ComponentChildren } from 'preact';
import { DASH } from '../i18n/texts.js';

export interface FigureProps {
  metric: string;
  /** The raw value as the API gave it (decimal text or a number); null or undefined where it cannot be computed. */
  value: string | number | null | undefined;
  shown: string;
  period?: string;
  /** Segment of a table row: data-channel, data-queue, data-team. */
  segment?: Record<string, string | null | undefined>;
  title?: string;
  class?: string;
  children?: ComponentChildren;
}

/**
 * A figure on screen with its raw value in data attributes (`data-metric`, `data-value`,
 * `data-period`, `data-channel` …), so tests and users' scripts read it without parsing locale formats.
 * A figure that cannot be computed has no data-value and `data-missing`.
 */
export function Figure({
  metric,
  value,
  shown,
  period,
  segment = {},
  title,
  class: cls,
  children,
}: FigureProps) {
  const missing = value === null || value === undefined;
  const attrs: Record<string, string> = {};
  for (const [dim, v] of Object.entries(segment)) attrs[`data-${dim}`] = v ?? '';
  return (
    <span
      class={['figure', missing ? 'missing' : '', cls ?? ''].join(' ').trim()}
      data-metric={metric}
      data-value={missing ? undefined : String(value)}
      data-missing={missing ? 'true' : undefined}
      data-period={period}
      title={title}
      {...attrs}
    >
      {missing ? DASH : shown}
      {children}
    </span>
  );
}
