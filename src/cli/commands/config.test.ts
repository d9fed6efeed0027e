import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { captureIo } from '../io.js';
import { run } from '../main.js';

let dir: string;
let ws: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-cli-config-'));
  ws = join(dir, 'ws');
  await captureIo(() => run(['init', ws]));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));
const yaml = async () => parse(await readFile(join(ws, 'percontact.yaml'), 'utf8'));

describe('percontact config set', () => {
  it('writes one setting, its value read as YAML, and prints it before and after', async () => {
    const set = await cli('config', 'set', 'contactDefinition.directions', '[inbound, outbound]', '-w', ws);
    expect(set.result).toBe(0);
    expect(set.out).toBe('contactDefinition.directions: ["inbound"] → ["inbound","outbound"]\n');
    expect((await yaml()).contactDefinition.directions).toEqual(['inbound', 'outbound']);
    const before = await cli('config', '-w', ws, 'set', 'repeatContact.windowDays', '3');
    expect(before.out).toBe('repeatContact.windowDays: 7 → 3\n');
    const audit = await cli('audit', '-w', ws, '--action', 'config.change', '--format', 'json');
    expect(JSON.parse(audit.out).entries).toHaveLength(2);
  });

  it('refuses a bad value by its setting, with exit code 2, and leaves the file alone', async () => {
    const text = await readFile(join(ws, 'percontact.yaml'), 'utf8');
    const bad = await cli('config', 'set', 'csat.topBoxMin', '1.5', '-w', ws);
    expect(bad.result).toBe(2);
    expect(bad.err).toMatch(/^percontact: csat\.topBoxMin: .*1/);
    expect(await readFile(join(ws, 'percontact.yaml'), 'utf8')).toBe(text);
  });
});
