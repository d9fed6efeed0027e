import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Texts } from './i18n/texts.js';
import type { ConfigView, Me } from './lib/types.js';
import type { UrlState } from './lib/url-state.js';

/** A figure to take apart: the explain endpoint's parameters. */
export interface ExplainTarget {
  metric: string;
  period: string;
  segment: Record<string, string>;
  /** What was clicked, to return the focus to it. */
  opener?: HTMLElement | null;
}

/** What every view gets: the state in the URL, the words, who is signed in, and how to change them. */
export interface Dashboard {
  state: UrlState;
  navigate(next: Partial<UrlState>, options?: { replace?: boolean; whole?: boolean }): void;
  tx: Texts;
  me: Me;
  config: ConfigView;
  /** Reads the configuration again (after an admin changed it). */
  reloadConfig(): Promise<void>;
  explain(target: ExplainTarget): void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const d = useContext(DashboardContext);
  if (!d) throw new Error('useDashboard outside the dashboard');
  return d;
}
