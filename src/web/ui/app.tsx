import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ExplainDialog } from './components/explain-dialog.js';
import { Login } from './components/login.js';
import { type Dashboard, DashboardContext, type ExplainTarget } from './context.js';
import type { TermKey } from './i18n/terms.js';
import { type Lang, texts } from './i18n/texts.js';
import { ApiError, getJson, tokenStore } from './lib/api.js';
import { granularityOf } from './lib/periods.js';
import type { ConfigView, Me } from './lib/types.js';
import {
  preferredLang,
  readState,
  stateForView,
  type UrlState,
  VIEWS,
  type View,
  writeState,
} from './lib/url-state.js';
import { DataPage } from './views/data.js';
import { DriversView } from './views/drivers.js';
import { Overview } from './views/overview.js';
import { PlannerView } from './views/planner.js';
import { StaffingView } from './views/staffing.js';

const VIEW_TERMS: Record<View, TermKey> = {
  overview: 'viewOverview',
  drivers: 'viewDrivers',
  staffing: 'viewStaffing',
  planner: 'viewPlanner',
  data: 'viewData',
};

type Session =
  | { kind: 'loading' }
  | { kind: 'login'; rejected: boolean }
  | { kind: 'ready'; me: Me; config: ConfigView }
  | { kind: 'failed'; error: Error };

async function openSession(): Promise<Session> {
  try {
    const [me, config] = await Promise.all([getJson<Me>('/me'), getJson<ConfigView>('/config')]);
    return { kind: 'ready', me, config };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const rejected = tokenStore.get() !== null;
      tokenStore.clear();
      return { kind: 'login', rejected };
    }
    return { kind: 'failed', error: error as Error };
  }
}

export function App() {
  const [state, setState] = useState<UrlState>(() => readState(location.search));
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const [explaining, setExplaining] = useState<ExplainTarget | null>(null);
  const lang: Lang = state.lang ?? preferredLang(navigator.languages);
  const currency = session.kind === 'ready' ? session.config.config.currency : 'EUR';
  const tx = useMemo(() => texts(lang, currency), [lang, currency]);

  useEffect(() => {
    openSession().then(setSession);
    const back = () => setState(readState(location.search));
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${tx.t(VIEW_TERMS[state.view])} · percontact`;
  }, [lang, state.view, tx]);

  const navigate = useCallback(
    (next: Partial<UrlState>, options: { replace?: boolean; whole?: boolean } = {}) => {
      setState((current) => {
        const s = options.whole ? (next as UrlState) : { ...current, ...next };
        const url = `/${writeState(s)}`;
        if (options.replace) history.replaceState(null, '', url);
        else history.pushState(null, '', url);
        return s;
      });
    },
    [],
  );
  const switchLang = () => navigate({ lang: lang === 'de' ? 'en' : 'de' }, { replace: true });

  if (session.kind === 'loading') return <p class="loading">{tx.t('loading')}</p>;
  if (session.kind === 'failed')
    return (
      <main class="page" id="content">
        <p role="alert">{session.error.message}</p>
      </main>
    );
  if (session.kind === 'login')
    return (
      <Login
        tx={tx}
        rejected={session.rejected}
        onToken={(token) => {
          tokenStore.set(token);
          setSession({ kind: 'loading' });
          openSession().then(setSession);
        }}
        onSwitchLang={switchLang}
      />
    );

  const dashboard: Dashboard = {
    state,
    navigate,
    tx,
    me: session.me,
    config: session.config,
    reloadConfig: async () => {
      const config = await getJson<ConfigView>('/config');
      setSession((s) => (s.kind === 'ready' ? { ...s, config } : s));
    },
    explain: setExplaining,
  };
  const roleTerm = ({ viewer: 'roleViewer', analyst: 'roleAnalyst', admin: 'roleAdmin' } as const)[
    session.me.role
  ];
  return (
    <DashboardContext.Provider value={dashboard}>
      <a class="skip" href="#content">
        {tx.t('skipToContent')}
      </a>
      <header class="top">
        <span class="brand">percontact</span>
        <nav aria-label={tx.t('mainNav')}>
          <ul>
            {VIEWS.map((view) => (
              <li key={view}>
                <a
                  href={`/${writeState(stateForView(state, view, granularityOf))}`}
                  aria-current={state.view === view ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(stateForView(state, view, granularityOf), { whole: true });
                  }}
                >
                  {tx.t(VIEW_TERMS[view])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="session">
          <button
            type="button"
            class="lang"
            lang={lang === 'de' ? 'en' : 'de'}
            aria-label={tx.t('switchLanguageLabel')}
            onClick={switchLang}
          >
            {tx.t('switchLanguage')}
          </button>
          <span class="who" data-role={session.me.role}>
            {tx.t('signedInAs', { name: session.me.name, role: tx.t(roleTerm) })}
          </span>
          {session.me.tokenId !== null && (
            <button
              type="button"
              onClick={() => {
                tokenStore.clear();
                setSession({ kind: 'login', rejected: false });
              }}
            >
              {tx.t('signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="content" class="page" tabIndex={-1}>
        {state.view === 'overview' && <Overview />}
        {state.view === 'drivers' && <DriversView />}
        {state.view === 'staffing' && <StaffingView />}
        {state.view === 'planner' && <PlannerView />}
        {state.view === 'data' && <DataPage />}
      </main>
      {explaining && <ExplainDialog target={explaining} onClose={() => setExplaining(null)} />}
    </DashboardContext.Provider>
  );
}
