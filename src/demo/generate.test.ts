import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../calendar/dates.js';
import { wallClock } from '../calendar/time-zone.js';
import { isUserError } from '../errors.js';
import { CHANNELS, type Contact, DIRECTIONS, OUTCOMES } from '../model/contact.js';
import { type DemoOptions, generateDemo } from './generate.js';

const OPTIONS: DemoOptions = {
  seed: 11,
  endMonth: '2026-10',
  months: 12,
  timezone: 'Europe/Berlin',
  currency: 'EUR',
  scale: 0.02,
};

interface Local {
  contact: Contact;
  date: string;
  weekday: number;
  hour: number;
}

/** Local wall-clock of every contact, by Intl (independent of the generator's hour arithmetic). */
function localise(contacts: readonly Contact[], timeZone: string): Local[] {
  return contacts.map((contact) => {
    const w = wallClock(contact.arrivedAt, timeZone);
    return { contact, date: w.date, weekday: isoWeekday(w.date), hour: w.hour };
  });
}

const demo = generateDemo(OPTIONS);
const contacts = [...demo.contacts()];
const local = localise(contacts, OPTIONS.timezone);

const isCounted = (c: Contact) =>
  c.direction === 'inbound' && (c.outcome === 'handled' || c.outcome === 'callback');
const voiceIn = contacts.filter((c) => c.channel === 'voice' && c.direction === 'inbound');

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

describe('generateDemo: determinism', () => {
  it('yields the same data for the same options, also when contacts() is iterated again', () => {
    const again = generateDemo({ ...OPTIONS });
    expect(JSON.stringify([...again.contacts()])).toBe(JSON.stringify(contacts));
    expect(JSON.stringify([...demo.contacts()])).toBe(JSON.stringify(contacts));
    expect(JSON.stringify(again.costLines)).toBe(JSON.stringify(demo.costLines));
    expect(again.agents).toEqual(demo.agents);
  });

  it('yields different data for a different seed', () => {
    const other = generateDemo({ ...OPTIONS, seed: 12 });
    const first = (d: typeof demo) => [...d.contacts()].slice(0, 50).map((c) => c.arrivedAt.getTime());
    expect(first(other)).not.toEqual(first(demo));
    expect(JSON.stringify(other.costLines)).not.toBe(JSON.stringify(demo.costLines));
  });
});

describe('generateDemo: every contact is valid', () => {
  const agentsByName = new Map(demo.agents.map((a) => [a.agent, a]));

  /** Ids of the contacts that break a rule, so a failure names them (and checking stays fast). */
  function violations(rule: (c: Contact) => boolean): string[] {
    return contacts.filter((c) => !rule(c)).map((c) => c.id);
  }

  it('has unique ids, source demo and only known enum values', () => {
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
    const known = (values: readonly string[], value: string) => values.includes(value);
    expect(
      violations((c) => c.source === 'demo' && known(CHANNELS, c.channel) && known(DIRECTIONS, c.direction)),
    ).toEqual([]);
    expect(violations((c) => known(OUTCOMES, c.outcome))).toEqual([]);
    expect(new Set(contacts.map((c) => c.queue))).toEqual(
      new Set(['billing', 'tech_support', 'sales', 'general']),
    );
    expect(new Set(contacts.map((c) => c.team))).toEqual(
      new Set(['frontline', 'technical', 'digital', null]),
    );
  });

  it('has whole, non-negative durations; voice handle = talk + hold + wrap; abandons wait and are not handled', () => {
    const durations = (c: Contact) => [
      c.ivrSeconds,
      c.waitSeconds,
      c.talkSeconds,
      c.holdSeconds,
      c.wrapSeconds,
      c.handleSeconds,
    ];
    expect(
      violations((c) => durations(c).every((s) => s === null || (Number.isInteger(s) && s >= 0))),
    ).toEqual([]);
    expect(
      violations(
        (c) =>
          c.channel !== 'voice' ||
          c.talkSeconds === null ||
          c.handleSeconds === c.talkSeconds + (c.holdSeconds ?? 0) + (c.wrapSeconds ?? 0),
      ),
    ).toEqual([]);
    expect(
      violations(
        (c) =>
          c.outcome !== 'abandoned' ||
          (c.handleSeconds === null && c.talkSeconds === null && c.agent === null && c.waitSeconds !== null),
      ),
    ).toEqual([]);
    expect(
      violations((c) => (c.outcome !== 'handled' && c.outcome !== 'callback') || (c.handleSeconds ?? 0) > 0),
    ).toEqual([]);
    expect(violations((c) => c.csat === null || (c.csat >= 0 && c.csat <= 1))).toEqual([]);
    expect(contacts.filter((c) => c.outcome === 'abandoned').length).toBeGreaterThan(0);
  });

  it('keeps self-service without agents and agents in their own team and channel', () => {
    expect(violations((c) => (c.channel === 'self_service') === (c.outcome === 'self_served'))).toEqual([]);
    expect(
      violations(
        (c) =>
          c.outcome !== 'self_served' || (c.agent === null && c.team === null && c.handleSeconds === null),
      ),
    ).toEqual([]);
    expect(violations((c) => c.direction === 'inbound' || c.channel === 'voice')).toEqual([]);
    expect(
      violations((c) => {
        if (c.agent === null) return true;
        const agent = agentsByName.get(c.agent);
        return agent?.team === c.team && agent?.channel === c.channel;
      }),
    ).toEqual([]);
    expect(new Set(demo.agents.map((a) => a.agent)).size).toBe(demo.agents.length);
    for (const a of demo.agents) expect(a.hourlyCost).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('generateDemo: volumes and arrival patterns', () => {
  it('makes about 600,000 × scale contacts a year, voice the largest channel', () => {
    // Expected 12,000 at scale 0.02; Poisson noise on that is about 1 %, holidays cost a little.
    expect(contacts.length).toBeGreaterThan(11_400);
    expect(contacts.length).toBeLessThan(12_600);
    const byChannel = new Map<string, number>();
    for (const c of contacts) byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + 1);
    const voice = byChannel.get('voice') ?? 0;
    for (const [channel, count] of byChannel) if (channel !== 'voice') expect(count).toBeLessThan(voice);
    expect([...byChannel.keys()].sort()).toEqual(['chat', 'email', 'self_service', 'social', 'voice']);
  });

  it('places every arrival inside the months, in local time', () => {
    expect(local.filter((l) => l.date < '2025-11-01' || l.date >= '2026-11-01')).toEqual([]);
  });

  it('is busy on Monday mornings and quiet on Sunday nights, with a lunch dip and low weekends', () => {
    const count = (match: (l: Local) => boolean) => local.filter(match).length;
    expect(count((l) => l.weekday === 1 && l.hour === 10)).toBeGreaterThan(
      10 * count((l) => l.weekday === 7 && l.hour === 3),
    );
    const voice = local.filter((l) => l.contact.channel === 'voice');
    const weekdayVoice = voice.filter((l) => l.weekday <= 5);
    expect(weekdayVoice.filter((l) => l.hour === 12).length).toBeLessThan(
      weekdayVoice.filter((l) => l.hour === 10).length,
    );
    const perDay = (weekday: number) => voice.filter((l) => l.weekday === weekday).length;
    expect(perDay(1)).toBeGreaterThan(perDay(3));
    expect(perDay(6)).toBeLessThan(perDay(3) / 2);
    expect(perDay(7)).toBe(0);
  });

  it('keeps live voice inside opening hours all year, across both DST changes (Berlin and New York)', () => {
    const newYork = generateDemo({ ...OPTIONS, timezone: 'America/New_York', scale: 0.01 });
    const newYorkLocal = localise([...newYork.contacts()], 'America/New_York');
    const outside = [...local, ...newYorkLocal].filter(
      (l) => l.contact.channel === 'voice' && (l.hour < 8 || l.hour >= (l.weekday === 6 ? 16 : 20)),
    );
    expect(outside.map((l) => `${l.contact.id} ${l.date} ${l.hour}h`)).toEqual([]);
  });
});

describe('generateDemo: handling, waiting and outcomes', () => {
  function meanHandleMinutes(channel: string): number {
    const handled = contacts.filter((c) => c.channel === channel && isCounted(c));
    return handled.reduce((t, c) => t + (c.handleSeconds ?? 0), 0) / handled.length / 60;
  }

  it('has mean handle times in the industry ranges per channel', () => {
    expect(meanHandleMinutes('voice')).toBeGreaterThan(4);
    expect(meanHandleMinutes('voice')).toBeLessThan(7);
    expect(meanHandleMinutes('email')).toBeGreaterThan(6);
    expect(meanHandleMinutes('email')).toBeLessThan(10);
    expect(meanHandleMinutes('chat')).toBeGreaterThan(8);
    expect(meanHandleMinutes('chat')).toBeLessThan(12);
    expect(meanHandleMinutes('social')).toBeGreaterThan(1);
    expect(meanHandleMinutes('social')).toBeLessThan(5);
  });

  it('splits voice handle time into talk, some hold and wrap-up', () => {
    const talked = voiceIn.filter((c) => c.talkSeconds !== null);
    const withHold = talked.filter((c) => (c.holdSeconds ?? 0) > 0).length;
    expect(share(withHold, talked.length)).toBeGreaterThan(0.15);
    expect(share(withHold, talked.length)).toBeLessThan(0.5);
    expect(talked.every((c) => (c.wrapSeconds ?? -1) >= 0 && (c.talkSeconds ?? 0) > 0)).toBe(true);
  });

  it('abandons more and waits longer at peaks; has short abandons and a small share of callbacks', () => {
    const voiceLocal = local.filter(
      (l) => l.contact.channel === 'voice' && l.contact.direction === 'inbound',
    );
    const peak = voiceLocal
      .filter((l) => l.weekday === 1 && l.hour >= 9 && l.hour <= 11)
      .map((l) => l.contact);
    const quiet = voiceLocal
      .filter((l) => l.weekday >= 2 && l.weekday <= 5 && l.hour >= 17)
      .map((l) => l.contact);
    // DESIGN's abandonment rate: abandoned after 5 s ÷ (offered − abandoned within 5 s).
    const abandonRate = (cs: Contact[]) => {
      const short = cs.filter((c) => c.outcome === 'abandoned' && (c.waitSeconds ?? 0) < 5).length;
      const long = cs.filter((c) => c.outcome === 'abandoned' && (c.waitSeconds ?? 0) >= 5).length;
      return share(long, cs.length - short);
    };
    const answeredWait = (cs: Contact[]) => {
      const answered = cs.filter((c) => c.outcome === 'handled');
      return answered.reduce((t, c) => t + (c.waitSeconds ?? 0), 0) / answered.length;
    };
    // About 500 calls in each group at this scale: 1.5× leaves room for sampling noise (the model's ratio is about 3).
    expect(abandonRate(peak)).toBeGreaterThan(1.5 * abandonRate(quiet));
    expect(answeredWait(peak)).toBeGreaterThan(2 * answeredWait(quiet));
    const abandoned = voiceIn.filter((c) => c.outcome === 'abandoned');
    expect(abandoned.some((c) => (c.waitSeconds ?? 99) < 5)).toBe(true);
    expect(share(abandoned.length, voiceIn.length)).toBeGreaterThan(0.02);
    expect(share(abandoned.length, voiceIn.length)).toBeLessThan(0.15);
    const callbacks = share(voiceIn.filter((c) => c.outcome === 'callback').length, voiceIn.length);
    expect(callbacks).toBeGreaterThan(0.005);
    expect(callbacks).toBeLessThan(0.06);
  });

  it('has a few outbound calls, CSAT on part of the handled contacts and resolution flags', () => {
    const voice = contacts.filter((c) => c.channel === 'voice');
    const outbound = share(voice.filter((c) => c.direction === 'outbound').length, voice.length);
    expect(outbound).toBeGreaterThan(0.01);
    expect(outbound).toBeLessThan(0.06);
    const counted = contacts.filter(isCounted);
    const surveyed = share(counted.filter((c) => c.csat !== null).length, counted.length);
    expect(surveyed).toBeGreaterThan(0.05);
    expect(surveyed).toBeLessThan(0.4);
    const resolved = share(counted.filter((c) => c.resolved === true).length, counted.length);
    expect(resolved).toBeGreaterThan(0.6);
    expect(resolved).toBeLessThan(0.9);
  });

  it('brings customers back within days, also on another channel', () => {
    // Naive repeat definition (DESIGN appendix A): a counted contact followed by another counted
    // contact of the same customer within 7 days.
    const byCustomer = new Map<string, Contact[]>();
    for (const c of contacts.filter(isCounted)) {
      const list = byCustomer.get(c.customer ?? '') ?? [];
      list.push(c);
      byCustomer.set(c.customer ?? '', list);
    }
    let repeats = 0;
    let crossChannel = 0;
    let counted = 0;
    for (const list of byCustomer.values()) {
      list.sort((a, b) => a.arrivedAt.getTime() - b.arrivedAt.getTime());
      list.forEach((c, i) => {
        counted++;
        const next = list[i + 1];
        if (!next || next.arrivedAt.getTime() - c.arrivedAt.getTime() > 7 * 86_400_000) return;
        repeats++;
        if (next.channel !== c.channel) crossChannel++;
      });
    }
    expect(share(repeats, counted)).toBeGreaterThan(0.05);
    expect(share(repeats, counted)).toBeLessThan(0.35);
    expect(crossChannel).toBeGreaterThan(0);
  });
});

describe('generateDemo: options', () => {
  it('covers exactly the requested months, across a year boundary', () => {
    const short = generateDemo({ ...OPTIONS, endMonth: '2026-01', months: 3, scale: 0.01 });
    const dates = localise([...short.contacts()], OPTIONS.timezone).map((l) => l.date);
    expect(dates.every((d) => d >= '2025-11-01' && d < '2026-02-01')).toBe(true);
    expect(dates.some((d) => d.startsWith('2025-11'))).toBe(true);
    expect(dates.some((d) => d.startsWith('2026-01'))).toBe(true);
  });

  it.each([
    { endMonth: '2026-13' },
    { endMonth: '26-10' },
    { months: 0 },
    { scale: 0 },
    { seed: 1.5 },
    { timezone: 'Mars/Olympus' },
    { currency: 'euro' },
  ])('rejects %o as a usage error', (bad) => {
    let error: unknown;
    try {
      generateDemo({ ...OPTIONS, ...bad });
    } catch (e) {
      error = e;
    }
    expect(isUserError(error) && error.code === 'USAGE').toBe(true);
  });
});
