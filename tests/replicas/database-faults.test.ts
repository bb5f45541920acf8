import type { AvailabilityResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_TTL_MS } from '../../api/src/use-cases/replicas/leadership.ts';
import { deliveryErrors } from '../../bench/lib/reminder-batch.ts';
import { runReplicatedDelivery } from '../../bench/lib/replicated-delivery-run.ts';
import { mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { eventually } from '../support/eventually.ts';
import { type ReplicaSet, send, startReplicaSet } from '../support/replica-set.ts';
import { PEOPLE } from '../support/stack.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const DAY = 86_400_000;
const adele = PEOPLE.adele.id;

/**
 * PostgreSQL goes away under two running replicas (every connection reset, new ones refused, for longer than the
 * singleton lease) and comes back. Meanwhile requests are answered with a retryable 503 and nothing is half
 * written; afterwards both replicas serve again without a restart, and one of them leads again.
 */
describe('the database restarting under running replicas', () => {
  let set: ReplicaSet;
  const direct = (index: number) => (set.replicas[index] as { url: string }).url;
  const probe = (index: number, path: string) => send(direct(index), 'GET', path, new URL(set.url).host, {});

  beforeAll(async () => {
    set = await startReplicaSet(2, { throughProxy: true });
  }, 120_000);
  afterAll(async () => {
    await set?.stop();
  }, 60_000);

  const slot = async () => {
    const { suggestions } = (
      await set.call(set.url, adele, 'POST', '/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30 })
    ).body as SuggestionsResponse;
    if (!suggestions[0]) throw new Error('no suggestion');
    return suggestions[0];
  };
  const create = async (title: string, at: { start: string; end: string }) =>
    set.call(set.url, adele, 'POST', '/api/meetings', {
      title,
      agenda: 'Check-in',
      attendees: [mail('alexw')],
      start: at.start,
      end: at.end,
      timeZone: 'Europe/London',
    });

  it('answers 503 store_unavailable while it is away, writes nothing half, and resumes by itself', async () => {
    const before = await create(uniqueTitle('Before the restart'), await slot());
    expect(before.status).toBe(201);
    const meeting = before.body as MeetingDto;
    const at = await slot();

    set.proxy?.cut();
    const read = await set.call(direct(0), adele, 'GET', `/api/meetings/${meeting.id}`);
    expect(read.status).toBe(503);
    expect(read.body).toMatchObject({ error: { code: 'store_unavailable' } });
    expect(read.headers['retry-after']).toBe('1');
    const lostTitle = uniqueTitle('Asked while the database was away');
    const refused = await create(lostTitle, at);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'store_unavailable' } });
    for (const index of [0, 1]) {
      expect((await probe(index, '/api/ready')).status).toBe(503);
      expect((await probe(index, '/api/health')).status).toBe(200);
    }
    // Longer than a lease: the leader must stop its singleton work, and someone must lead again afterwards.
    await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS + 1_000));
    set.proxy?.restore();

    for (const index of [0, 1])
      await eventually(
        () => probe(index, '/api/ready'),
        (answer) => answer.status === 200,
        15_000,
      );
    for (const index of [0, 1]) {
      const again = await set.call(direct(index), adele, 'GET', `/api/meetings/${meeting.id}`);
      expect(again.status).toBe(200);
      expect((again.body as MeetingDto).version).toBe(meeting.version);
    }
    await eventually(
      () => set.leader(),
      (pid) => pid !== null,
      LEASE_TTL_MS + 5_000,
    );
    // The create refused during the outage left nothing: no meeting in Confer, no event in Outlook.
    const list = (await set.call(set.url, adele, 'GET', '/api/meetings?limit=100')).body as { meetings: MeetingDto[] };
    expect(list.meetings.filter((m) => m.title === lostTitle)).toEqual([]);
    const calendars = (
      await set.call(set.url, adele, 'POST', '/api/availability', {
        attendees: [mail('alexw')],
        start: new Date().toISOString(),
        end: new Date(Date.now() + 14 * DAY).toISOString(),
      })
    ).body as AvailabilityResponse;
    expect(calendars.people[0]?.blocks.some((block) => block.subject === lostTitle)).toBe(false);
    // And the same time can be booked now, once.
    const after = await create(lostTitle, at);
    expect(after.status).toBe(201);
  });
});

/**
 * Deliveries under way when the database goes away for longer than the singleton lease: the leader cannot record
 * what it sent and steps down; when the database is back a leader (it or the other) confirms what was left in
 * doubt and sends the rest. Each reminder arrives once.
 */
describe('proactive delivery when the database restarts mid-run', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('loses and repeats nothing', async () => {
    const messages = 600;
    const result = await runReplicatedDelivery({
      databaseUrl: database.url,
      messages,
      conversations: messages,
      replicas: 2,
      killLeaderAfterAccepted: null,
      cutDatabase: { afterAccepted: messages / 3, forMs: LEASE_TTL_MS + 2_000 },
      claimLeaseMs: 10_000,
    });
    expect(deliveryErrors(result.keys, result.deliveries)).toEqual({ duplicates: 0, lost: 0 });
    expect(result.finalStates).toMatchObject({ sent: messages, pending: 0, claimed: 0, sending: 0, failed: 0 });
    // The outage outlived the lease: the first leader stepped down and a term began after it.
    expect(result.leaders.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
