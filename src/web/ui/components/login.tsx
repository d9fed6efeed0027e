import { useState } from 'preact/hooks';
import type { Texts } from '../i18n/texts.js';

export interface LoginProps {
  tx: Texts;
  rejected: boolean;
  onToken(token: string): void;
  onSwitchLang(): void;
}

/** Asks for an API token; the app keeps it in session storage (never in the URL). */
export function Login({ tx, rejected, onToken, onSwitchLang }: LoginProps) {
  const [token, setToken] = useState('');
  return (
    <main id="content" class="login">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onToken(token.trim());
        }}
      >
        <h1>{tx.t('loginTitle')}</h1>
        <p>{tx.t('loginIntro')}</p>
        {rejected && (
          <p role="alert" class="error">
            {tx.t('tokenRejected')}
          </p>
        )}
        <label for="token">{tx.t('tokenLabel')}</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
          required
        />
        <div class="actions">
          <button type="submit" class="primary">
            {tx.t('signIn')}
          </button>
          <button type="button" onClick={onSwitchLang} aria-label={tx.t('switchLanguageLabel')}>
            {tx.t('switchLanguage')}
          </button>
        </div>
      </form>
    </main>
  );
}
