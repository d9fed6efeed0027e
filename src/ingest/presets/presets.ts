import { UserError } from '../../errors.js';
import type { ImportKind } from '../targets/target.js';
import { asteriskCdr } from './asterisk-cdr.js';
import { asteriskDb } from './asterisk-db.js';
import { asteriskQueueLog } from './asterisk-queue-log.js';
import { ciscoCucm } from './cisco-cucm.js';
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
import { genesysCloud } from './genesys-cloud.js';
import { liveagentCalls, liveagentTickets } from './liveagent.js';
import type { Preset } from './preset.js';
import { threecxCalls, threecxCosts } from './threecx.js';
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
  liveagentCalls,
  liveagentTickets,
  threecxCalls,
  ciscoCucm,
  genesysCloud,
  asteriskDb,
  genericVolumes,
  genericCosts,
  threecxCosts,
  genericFx,
  genericRateCards,
  genericAgentTime,
];

export function findPreset(kind: ImportKind, name: string): Preset {
  const found = PRESETS.find((p) => p.kind === kind && p.name === name);
  if (found) return found;
  const names = PRESETS.filter((p) => p.kind === kind).map((p) => p.name);
  throw new UserError('USAGE', `preset "${name}": ${kind} presets are ${names.join(', ')}`, {
    parameter: 'preset',
    value: name,
  });
}
