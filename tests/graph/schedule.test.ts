import { LOCAL_CLIENT_ID } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../api/src/domain/app-error.ts';
import type { GraphActor, ScheduleQuery } from '../../api/src/ports/scheduling-gateway.ts';
import { email, type GraphHarness, mailbox, nextWeek, PEOPLE, startGraphHarness } from './graph-harness.ts';

/** 25 seeded people with mailboxes (devtenant seed-people.ts), the organizer first. */
const TWENTY_FIVE = [
  'alexw',
  'meganb',
  'adelev',
  'isaiahl',
  'pattif',
  'lynner',
  'diegos',
  'gradya',
  'henriettam',
  'johannal',
  'jonis',
  'leeg',
  'lidiah',
  'miriamg',
  'nestorw',
  'pradeepg',
  'christiec',
  'debrab',
  'enricoc',
  'irvins',
  'alland',
  'priyar',
  'arjunm',
  'oliverb',
  'hannahc',
].map(email);

describe('getSchedule through the gateway (devtenant)', () => {
  let h: GraphHarness;
  let window: ScheduleQuery['window'];
  beforeAll(async () => {
    h = await startGraphHarness();
    const monday = nextWeek(h.devtenant, 1);
    window = { start: monday, end: new Date(monday.getTime() + 14 * 86_400_000) };
  });
  afterAll(async () => {
    await h?.close();
  });

  const query = (actor: GraphActor, addresses: string[]): ScheduleQuery => ({
    actor,
    organizer: mailbox('alexw'),
    addresses,
    window,
    intervalMinutes: 30,
  });

  for (const mode of ['tenant-wide', 'per-user'] as const) {
    it(`reads two people with exactly one Graph request (${mode})`, async () => {
      const actor = mode === 'tenant-wide' ? h.appActor : await h.userActor('alexw');
      await h.resetCounters();
      const answers = await h.gateway.getSchedules(query(actor, [email('alexw'), email('meganb')]));
      expect(await h.mailboxRequests(PEOPLE.alexw)).toBe(1);
      expect(await h.mailboxRequests(PEOPLE.meganb)).toBe(0);

      const [own, other] = answers;
      expect(answers.map((a) => [a.email, a.status])).toEqual([
        [email('alexw'), 'ok'],
        [email('meganb'), 'ok'],
      ]);
      // Seeded calendars have several items per working day; the organizer's carry titles, others' never do.
      expect(own?.blocks.length).toBeGreaterThan(10);
      expect(own?.blocks.some((b) => b.subject)).toBe(true);
      expect(other?.blocks.length).toBeGreaterThan(10);
      expect(other?.blocks.every((b) => b.subject === undefined)).toBe(true);
      for (const block of [...(own?.blocks ?? []), ...(other?.blocks ?? [])]) {
        expect(block.end.getTime()).toBeGreaterThan(block.start.getTime());
      }
      // Mailbox settings use Windows names; Confer speaks IANA (Alex: New York, Megan: Seattle).
      expect(own?.workingHours).toMatchObject({ start: '08:00', end: '17:00', timeZone: 'America/New_York' });
      expect(own?.workingHours?.days).toContain('monday');
      expect(other?.timeZone).toBe('America/Los_Angeles');
    });
  }

  it('reads 25 people with exactly two Graph requests, answers in the order asked', async () => {
    await h.resetCounters();
    const answers = await h.gateway.getSchedules(query(h.appActor, TWENTY_FIVE));
    expect(await h.mailboxRequests(PEOPLE.alexw)).toBe(2);
    expect(answers.map((a) => a.email)).toEqual(TWENTY_FIVE);
    expect(answers.every((a) => a.status === 'ok' && a.workingHours !== null)).toBe(true);
    const kolkata = answers.find((a) => a.email === email('priyar'));
    expect(kolkata?.timeZone).toBe('Asia/Kolkata');
  });

  it('gives a status per unreadable calendar: external address, no mailbox', async () => {
    for (const actor of [h.appActor, await h.userActor('alexw')]) {
      const answers = await h.gateway.getSchedules(
        query(actor, [email('alexw'), 'guest@fabrikam.example', email('noraf')]),
      );
      expect(answers.map((a) => [a.email, a.status])).toEqual([
        [email('alexw'), 'ok'],
        ['guest@fabrikam.example', 'external'],
        [email('noraf'), 'mailbox_not_enabled'],
      ]);
      expect(answers[1]?.blocks).toEqual([]);
    }
  });

  it('marks people outside the Application Access Policy (tenant-wide mode) and still reads the rest', async () => {
    await h.control('access-policy', { enabled: true });
    try {
      const answers = await h.gateway.getSchedules(
        query(h.appActor, [email('alexw'), email('gradya'), email('meganb')]),
      );
      expect(answers.map((a) => a.status)).toEqual(['ok', 'outside_access_policy', 'ok']);
      expect(answers[1]?.blocks).toEqual([]);
    } finally {
      await h.control('access-policy', { enabled: false });
    }
  });

  it('fails the whole read with consent_required when per-user consent is revoked', async () => {
    const grant = { clientId: LOCAL_CLIENT_ID };
    await h.control('consent/admin', { ...grant, granted: false });
    try {
      const read = h.gateway.getSchedules(query(await h.userActor('alexw'), [email('alexw'), email('meganb')]));
      await expect(read).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'consent_required');
    } finally {
      await h.control('consent/admin', { ...grant, granted: true });
    }
  });

  it('sends one address once however often it is listed', async () => {
    await h.resetCounters();
    const answers = await h.gateway.getSchedules(query(h.appActor, [email('alexw'), email('ALEXW'), email('meganb')]));
    expect(answers.map((a) => a.email)).toEqual([email('alexw'), email('meganb')]);
    expect(await h.mailboxRequests(PEOPLE.alexw)).toBe(1);
  });
});
