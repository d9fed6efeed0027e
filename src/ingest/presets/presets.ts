import { UserError } from '../../errors.js';
import type { ImportKind } from '../targets/target.js';
import { asteriskCdr } from './asterisk-cdr.js';
import { asteriskQueueLog } from './asterisk-queue-log.js';
import { freeswitchCdr } from './freeswitch-cdr.js';
import { freshdeskTickets } from './freshdesk-tickets.js';
import {
  genericAgentTime,
  genericContacts,
  genericCosts,
  genericFx,
  genericRateCards,
  genericVolumes,
} from './generic.js';
import type { Preset } from './preset.js';
import { twilioCalls } from './twilio-calls.js';
import { zendeskTickets } from './zendesk-tickets.js';

export const PRESETS: readonly Preset[] = [
  genericContacts,
  asteriskCdr,
  asteriskQueueLog,
  freeswitchCdr,
  zendeskTickets,
  freshdeskTickets,
  twilioCalls,
  genericVolumes,
  genericCosts,
  genericFx,
  genericRateCards,
  genericAgentTime,
];

export function findPreset(kind: ImportKind, name: string): Preset {
  const found = PRESETS.find((p) => p.kind === kind && p.name === name);
  if (found) return found;
  const names = PRESETS.filter((p) => p.kind === kind).map((p) => p.name);
  throw new UserError('USAGE', `--preset "${name}": ${kind} presets are ${names.join(', ')}`);
}
