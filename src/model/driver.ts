import { UserError } from '../errors.js';
import { type Dimension, isDimension } from './contact.js';

/**
 * How a shared cost is allocated to the segments of a breakdown (DESIGN section 3).
 * `fixed` names the dimension its shares are keyed by: "fixed:channel:voice=60,email=40".
 */
export type AllocationDriver =
  | { kind: 'handle_time' }
  | { kind: 'contacts' }
  | { kind: 'equal' }
  | { kind: 'fte' }
  | { kind: 'fixed'; dimension: Dimension; shares: ReadonlyMap<string, number> };

export const DRIVER_KINDS = ['handle_time', 'contacts', 'equal', 'fixed', 'fte'] as const;

export function parseDriver(text: string): AllocationDriver {
  const t = text.trim();
  if (t === 'handle_time' || t === 'contacts' || t === 'equal' || t === 'fte') return { kind: t };
  const m = /^fixed:([a-z_]+):(.+)$/.exec(t);
  if (m) {
    const dimension = m[1] as string;
    if (!isDimension(dimension)) throw badDriver(text, `"${dimension}" is not a dimension`);
    const shares = new Map<string, number>();
    for (const pair of (m[2] as string).split(',')) {
      const [key, value] = pair.split('=');
      const share = Number(value);
      if (!key || !Number.isFinite(share) || share < 0) throw badDriver(text, `"${pair}" is not key=share`);
      shares.set(key.trim(), share);
    }
    return { kind: 'fixed', dimension, shares };
  }
  throw badDriver(text, `use ${DRIVER_KINDS.join(', ')} (fixed:channel:voice=60,email=40)`);
}

function badDriver(text: string, reason: string): UserError {
  return new UserError('INVALID_INPUT', `allocation driver "${text}": ${reason}`, { value: text });
}

export function formatDriver(driver: AllocationDriver): string {
  if (driver.kind !== 'fixed') return driver.kind;
  const shares = [...driver.shares].map(([k, v]) => `${k}=${v}`).join(',');
  return `fixed:${driver.dimension}:${shares}`;
}
