import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Engine } from '../engine/engine.js';
import { FX_RATES_TABLE } from '../engine/schema.js';
import { CONFIG_FILE } from '../workspace/config-file.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { listAudit } from './audit.js';
import { type ChangeConfigRequest, changeConfig } from './change-config.js';
import { smallWorkspace, TEST_ACTOR } from './testing.js';

let dir: string;
let workspace: Workspace;
const file = () => join(workspace.dir, CONFIG_FILE);

beforeEach(async () => {
  ({ dir, workspace } = await smallWorkspace());
});
afterEach(async () => {
  await workspace.close();
  await rm(dir, { recursive: true, force: true });
});

describe('changeConfig', () => {
  it('writes the settings given into percontact.yaml, keeps its comments and the rest, and audits before/after', async () => {
    const text = await readFile(file(), 'utf8');
    const view = await changeConfig(workspace, TEST_ACTOR, {
      serviceLevel: { thresholdSeconds: 30 },
      concurrency: { chat: 2.5 },
    });
    // defaultConfig writes thresholdSeconds 20 and no concurrency (see model/config.ts).
    expect(view.before).toEqual({ 'serviceLevel.thresholdSeconds': 20, 'concurrency.chat': null });
    expect(view.after).toEqual({ 'serviceLevel.thresholdSeconds': 30, 'concurrency.chat': 2.5 });
    const written = await readFile(file(), 'utf8');
    expect(written.split('\n')[0]).toBe(text.split('\n')[0]);
    const raw = parse(written);
    expect(raw.serviceLevel.thresholdSeconds).toBe(30);
    expect(raw.serviceLevel.shortAbandonSeconds).toBe(parse(text).serviceLevel.shortAbandonSeconds);
    expect(raw.serviceLevel.thresholdByChannel).toEqual({
      email: 86400,
      social: 3600,
      messaging: 3600,
      sms: 3600,
    });
    expect(raw.concurrency).toEqual({ chat: 2.5 });
    expect(await readdir(workspace.dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    const reopened = await openWorkspace(workspace.dir, { access: 'read' });
    expect(reopened.config.serviceLevel.thresholdSeconds).toBe(30);
    await reopened.close();
    const [entry] = (await listAudit(workspace, { action: 'config.change' })).entries;
    expect(entry?.actor).toBe('tester');
    expect(entry?.target).toBe('serviceLevel.thresholdSeconds, concurrency.chat');
    expect(entry?.details).toEqual({ before: view.before, after: view.after });
    // smallWorkspace holds 5 contacts and 100.00 + 800.00 of wages.
    expect(entry?.totalsAfter).toMatchObject({ contacts: 5, costLines: 2, cost: { EUR: '900.00' } });
  });

  it('null resets a section to its defaults; a change that alters nothing writes nothing', async () => {
    const reset = await changeConfig(workspace, TEST_ACTOR, { benchmarks: null });
    expect(reset.after).toEqual({
      benchmarks: { costPerContact: 'industry-average', byChannel: {}, custom: [] },
    });
    expect(parse(await readFile(file(), 'utf8')).benchmarks).toBeUndefined();
    const before = await readFile(file(), 'utf8');
    const same = await changeConfig(workspace, TEST_ACTOR, { currency: 'EUR' });
    expect(same.after).toEqual({});
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect((await listAudit(workspace, { action: 'config.change' })).entries).toHaveLength(1);
  });

  it('refuses bad settings by their path and leaves the file as it was', async () => {
    const text = await readFile(file(), 'utf8');
    const refused = async (request: Record<string, unknown>) =>
      changeConfig(workspace, TEST_ACTOR, request as ChangeConfigRequest).then(
        () => undefined,
        (error) => ({ parameter: error.location?.parameter, message: error.message }),
      );
    expect(await refused({ serviceLevel: { thresholdSeconds: -1 } })).toMatchObject({
      parameter: 'serviceLevel.thresholdSeconds',
    });
    expect(await refused({ serviceLevel: { treshold: 3 } })).toMatchObject({
      parameter: 'serviceLevel.treshold',
      message: 'serviceLevel.treshold: is not a setting of percontact.yaml',
    });
    expect(await refused({ store: { engine: 'postgres' } })).toMatchObject({ parameter: 'store' });
    expect(await refused({ currency: 'EURO' })).toMatchObject({ parameter: 'currency' });
    expect(await refused({ currency: null })).toMatchObject({ parameter: 'currency' });
    expect(await refused({ timezone: 'Mars/Olympus' })).toMatchObject({ parameter: 'timezone' });
    expect(await refused({})).toMatchObject({ message: 'give at least one setting to change' });
    expect(await readFile(file(), 'utf8')).toBe(text);
    expect((await listAudit(workspace, { action: 'config.change' })).entries).toHaveLength(0);
  });

  it('changes the currency only while no rate or cost line would be read in the wrong one', async () => {
    const text = await readFile(file(), 'utf8');
    // smallWorkspace's two wage lines are in EUR.
    const refused = await changeConfig(workspace, TEST_ACTOR, { currency: 'USD' }).catch((e) => e);
    expect([refused.location?.parameter, refused.message]).toEqual([
      'currency',
      'currency: cannot change from EUR to USD while the workspace holds cost lines in EUR: reports would read them as USD',
    ]);
    expect(await readFile(file(), 'utf8')).toBe(text);
    await workspace.engine.execute('DELETE FROM cost_lines');
    await workspace.engine.append(FX_RATES_TABLE, [['2026-03-01', 'USD', '0.9', null]]);
    const rates = await changeConfig(workspace, TEST_ACTOR, { currency: 'USD' }).catch((e) => e);
    expect(rates.message).toMatch(/while the workspace holds 1 exchange rate in EUR: /);
    await workspace.engine.execute('DELETE FROM fx_rates');
    await changeConfig(workspace, TEST_ACTOR, { currency: 'USD' });
    expect(parse(await readFile(file(), 'utf8')).currency).toBe('USD');
  });

  it('puts the file back when the audit entry cannot be written', async () => {
    const text = await readFile(file(), 'utf8');
    const real = workspace.engine;
    // The write and its audit entry run, then the transaction fails and rolls back.
    const failingTransaction: Engine['transaction'] = (work) =>
      real.transaction(async () => {
        await work();
        throw new Error('commit failed');
      });
    const engine = new Proxy(real, {
      get: (target, key) => {
        if (key === 'transaction') return failingTransaction;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = { ...workspace, engine };
    await expect(changeConfig(failing, TEST_ACTOR, { repeatContact: { windowDays: 3 } })).rejects.toThrow(
      'commit failed',
    );
    expect(await readFile(file(), 'utf8')).toBe(text);
    expect((await listAudit(workspace, { action: 'config.change' })).entries).toHaveLength(0);
  });
});
