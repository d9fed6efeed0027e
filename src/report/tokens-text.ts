import type { TokenView } from '../app/tokens.js';
import { alignColumns } from '../text/columns.js';

/** The API tokens as a table (never their secrets). */
export function tokensText(view: { tokens: TokenView[] }): string {
  if (view.tokens.length === 0) return 'no tokens\n';
  const rows = view.tokens.map((t) => [t.id, t.role, t.name, t.createdAt, t.createdBy, t.revokedAt ?? '']);
  return `${alignColumns([['id', 'role', 'name', 'created', 'by', 'revoked'], ...rows], () => 'left').join('\n')}\n`;
}
