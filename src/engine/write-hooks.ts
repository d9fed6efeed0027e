import { changeSetInTransaction, changeSetsAreTransactions } from './change-set.js';
import type { ChangeSet, Engine } from './engine.js';

/**
 * What to do around every write unit of an engine. `transaction` receives the work and must run it
 * in `engine.transaction` itself (adding what it needs inside, or around the commit). Change sets
 * that are transactions (engines with transactions and synchronous DELETE) are built from that same transaction, so the
 * hook applies to them too; `changeSet` covers the engines whose change sets are not transactions.
 */
export interface WriteHooks {
  transaction<T>(work: () => Promise<T>): Promise<T>;
  changeSet?<T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T>;
}

/**
 * The engine with its writes run through `hooks`: every `transaction()` and every `changeSet()`,
 * whichever the caller (an importer, a use case) reaches for. Everything else is the engine's own.
 */
export function withWriteHooks(engine: Engine, hooks: WriteHooks): Engine {
  const changeSet = <T>(id: string, work: (changes: ChangeSet) => Promise<T>): Promise<T> => {
    if (changeSetsAreTransactions(engine.dialect.capabilities))
      return changeSetInTransaction(wrapped, id, work);
    return hooks.changeSet ? hooks.changeSet(id, work) : engine.changeSet(id, work);
  };
  const wrapped: Engine = new Proxy(engine, {
    get(target, key) {
      if (key === 'transaction') return hooks.transaction;
      if (key === 'changeSet') return changeSet;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return wrapped;
}
