import { createHash } from 'node:crypto';

export interface CachedResult {
  /** The text or bytes sent: JSON, or one of an operation's other formats. */
  body: string | Uint8Array;
  /** Its content type. */
  type: string;
  etag: string;
}

/**
 * Serialised results by operation, request and data version. A new data version makes every older
 * entry unreachable (they are dropped at once), so a result is never served after a write changed it.
 * Least recently used entries go first beyond `capacity`; capacity 0 turns the cache off.
 */
export class ResultCache {
  private readonly entries = new Map<string, CachedResult>();
  private readonly running = new Map<string, Promise<CachedResult>>();
  private version = '';

  constructor(private readonly capacity: number) {}

  /**
   * The result for `key` at `version`: cached, or being computed for another caller (identical
   * requests at the same data version share one computation, cache on or off), or computed now and
   * kept when `keep` still says so once it is done (a superseded version's result is not kept).
   */
  async resolve(
    version: string,
    key: string,
    compute: () => Promise<CachedResult>,
    keep: () => boolean,
  ): Promise<CachedResult> {
    const hit = this.get(version, key);
    if (hit) return hit;
    const id = `${version}\n${key}`;
    let result = this.running.get(id);
    if (!result) {
      result = compute().finally(() => this.running.delete(id));
      this.running.set(id, result);
    }
    const done = await result;
    if (keep()) this.set(version, key, done);
    return done;
  }

  /** The key of a request: its operation and its validated parameters, in a canonical order. */
  static key(operation: string, request: unknown): string {
    return `${operation}?${canonicalJson(request)}`;
  }

  static etag(version: string, key: string): string {
    return `W/"${createHash('sha256').update(`${version}\n${key}`).digest('base64url').slice(0, 27)}"`;
  }

  get(version: string, key: string): CachedResult | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, result: CachedResult): void {
    if (this.capacity === 0) return;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
