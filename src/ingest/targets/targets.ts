import { agentTimeTarget } from './agent-time.js';
import { contactsTarget } from './contacts.js';
import { costsTarget } from './costs.js';
import { fxTarget } from './fx.js';
import { rateCardsTarget } from './rate-cards.js';
import type { ImportKind, Target } from './target.js';
import { volumesTarget } from './volumes.js';

export const TARGETS: Record<ImportKind, Target> = {
  contacts: contactsTarget,
  volumes: volumesTarget,
  costs: costsTarget,
  fx: fxTarget,
  agents: rateCardsTarget,
  'agent-time': agentTimeTarget,
};
