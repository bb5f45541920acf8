import type { AvailabilityResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_EVERY_MS, LEASE_TTL_MS } from '../../api/src/use-cases/replicas/leadership.ts';
import { mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { eventually } from '../support/eventually.ts';
import { type ReplicaSet, startReplicaSet } from '../support/replica-set.ts';
import { PEOPLE } from '../support/stack.ts';

const DAY = 86_400_000;
const adele = PEOPLE.adele.id;
const alex = PEOPLE.alex.id;

function bodyOf<T>(answer: { status: number; body: unknown }, status: number): T {
  expect(answer, JSON.stringify(answer.body)).toMatchObject({ status });
  return answer.body as T;
}

/**
 * Three app processes on one PostgreSQL database behind a round-robin balancer, as production runs them: whatever
 * replica a request lands on, people see one state; a write on one drops every replica's cached calendars; and the
 * work only one may do moves to a survivor when its replica dies.
 */
describe('three replicas on one PostgreSQL database', () => {
  let set: ReplicaSet;
  const direct = (index: number) => (set.replicas[index] as { url: string }).url;

  beforeAll(async () => {
    set = await startReplicaSet(3);
  }, 120_000);
  afterAll(async () => {
    await set?.stop();
  }, 60_000);

  const window = () => {
    const now = Date.now();
    return { start: new Date(now).toISOString(), end: new Date(now + 14 * DAY).toISOString() };
  };
  const schedule = async (via: string, title: string) => {
    const { suggestions } = bodyOf<SuggestionsResponse>(
      await set.call(via, adele, 'POST', '/api/suggestions', {
        attendees: [mail('alexw')],
        durationMinutes: 30,
        maxSuggestions: 5,
      }),
      200,
    );
    const slot = suggestions[0];
    if (!slot) throw new Error('no suggestion');
    return bodyOf<MeetingDto>(
      await set.call(via, adele, 'POST', '/api/meetings', {
        title,
        agenda: 'Goals for the quarter',
        attendees: [mail('alexw')],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
      }),
      201,
    );
  };

  it('schedules, answers, reschedules and cancels through any replica into one consistent state', async () => {
    const created = await schedule(set.url, uniqueTitle('Replicated 1:1'));
    bodyOf(await set.call(set.url, alex, 'POST', `/api/meetings/${created.id}/respond`, { response: 'accept' }), 200);
    // Outlook sync (on the leader) may still apply the answer's echo: wait until every replica reads the same
    // meeting twice in a row, half a second apart.
    const readAll = () =>
      Promise.all(
        [0, 1, 2].map(async (i) =>
          bodyOf<MeetingDto>(await set.call(direct(i), adele, 'GET', `/api/meetings/${created.id}`), 200),
        ),
      );
    let reads = await readAll();
    for (const end = Date.now() + 15_000; Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await readAll();
      const same = [...reads, ...again].every((read) => JSON.stringify(read) === JSON.stringify(reads[0]));
      reads = again;
      if (same) break;
    }
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    const accepted = reads[0] as MeetingDto;
    expect(accepted.attendees.find((a) => a.email.toLowerCase() === mail('alexw'))?.response).toBe('accepted');

    // Two replicas asked to change the same version at once: one wins, the other is told it is stale — never both.
    // (Outlook sync may move the version on between the read and the race; then both are stale: race again.)
    const read = async (i: number, who: string = adele) =>
      bodyOf<MeetingDto>(await set.call(direct(i), who, 'GET', `/api/meetings/${created.id}`), 200);
    let won: { base: MeetingDto; title: string } | null = null;
    for (let attempt = 0; attempt < 5 && !won; attempt++) {
      const base = await read(2);
      const changes = await Promise.all(
        [0, 1].map((i) =>
          set.call(direct(i), adele, 'PATCH', `/api/meetings/${created.id}`, {
            version: base.version,
            title: `${base.title} (v${i})`,
          }),
        ),
      );
      const statuses = changes.map((answer) => answer.status).sort();
      expect(statuses).not.toEqual([200, 200]);
      if (statuses[0] === 200 && statuses[1] === 409) {
        won = { base, title: `${base.title} (v${changes.findIndex((answer) => answer.status === 200)})` };
      } else {
        expect(statuses).toEqual([409, 409]);
      }
    }
    if (!won) throw new Error('no race was decided in five attempts');
    const current = await read(2);
    expect(current.title).toBe(won.title);
    expect(current.version).toBeGreaterThan(won.base.version);

    let cancelled: MeetingDto | null = null;
    // A cancel that lost a race with Outlook sync answers 409; Outlook already has it cancelled then, and sync
    // brings that back: either way every replica must end up reading it cancelled.
    for (let attempt = 0; attempt < 5 && !cancelled; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 300));
      const base = await read(1);
      if (base.status === 'cancelled') {
        cancelled = base;
        break;
      }
      const answer = await set.call(direct(2), adele, 'POST', `/api/meetings/${created.id}/cancel`, {
        version: base.version,
      });
      if (answer.status === 200) cancelled = answer.body as MeetingDto;
      else expect(answer.status).toBe(409);
    }
    expect(cancelled?.status).toBe('cancelled');
    // Every replica reads it cancelled, the same version on each.
    const final = await eventually(
      () => Promise.all([0, 1, 2].map((i) => read(i, alex))),
      (reads) => reads.every((r) => r.status === 'cancelled' && r.version === reads[0]?.version),
      10_000,
    );
    expect(final[0]?.version).toBeGreaterThanOrEqual(cancelled?.version ?? Number.POSITIVE_INFINITY);
  });

  it('drops cached calendars on every replica when any replica writes', async () => {
    const ask = () =>
      set.call(direct(1), adele, 'POST', '/api/availability', { attendees: [mail('alexw')], ...window() });
    const before = bodyOf<AvailabilityResponse>(await ask(), 200);
    const title = uniqueTitle('Seen everywhere');
    await schedule(direct(0), title);
    // Cached answers live 60 s; the change reaches replica 1 in milliseconds.
    const after = await eventually(
      async () => bodyOf<AvailabilityResponse>(await ask(), 200),
      (answer) => answer.people[0]?.blocks.some((block) => block.subject === title) ?? false,
      3_000,
    );
    expect(before.people[0]?.blocks.some((block) => block.subject === title)).toBe(false);
    expect(after.people[0]?.blocks.some((block) => block.subject === title)).toBe(true);
  });

  it('stops gracefully on SIGTERM: the request in flight is answered, the lease is handed over at once', async () => {
    const leaderPid = await eventually(
      () => set.leader(),
      (pid) => pid !== null,
      10_000,
    );
    const index = set.replicas.findIndex((replica) => replica.process.pid === leaderPid);
    // Graph slowed down: the availability request is still in flight when the stop begins.
    await set.control('faults', { latencyMs: 1_500 });
    const inFlight = set.call(direct(index), adele, 'POST', '/api/availability', {
      attendees: [mail('meganb')],
      ...window(),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exitCode = set.terminate(index);
    expect((await inFlight).status).toBe(200);
    await set.control('faults', { latencyMs: 0 });
    expect(await exitCode).toBe(0);
    const exitedAt = Date.now();
    const next = await eventually(
      () => set.leader(),
      (pid) => pid !== null && pid !== leaderPid,
      LEASE_TTL_MS,
    );
    expect(next).not.toBe(leaderPid);
    // Handed over, not left to expire: the next replica to ask takes it.
    expect(Date.now() - exitedAt).toBeLessThan(LEASE_EVERY_MS + 1_000);
  });

  it('moves the singleton work to a surviving replica within seconds of its leader dying', async () => {
    const leaderPid = await eventually(
      () => set.leader(),
      (pid) => pid !== null,
      10_000,
    );
    const index = set.replicas.findIndex((replica) => replica.process.pid === leaderPid);
    expect(index).toBeGreaterThanOrEqual(0);
    const killedAt = Date.now();
    await set.kill(index);
    const next = await eventually(
      () => set.leader(),
      (pid) => pid !== null && pid !== leaderPid,
      LEASE_TTL_MS + 5_000,
    );
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeLessThanOrEqual(LEASE_TTL_MS + LEASE_EVERY_MS + 1_000);
    const survivor = set.replicas.find((replica) => replica.process.pid === next);
    expect(survivor?.lines.some((line) => line.includes('leading: starting singleton work'))).toBe(true);
    // The balancer sends to the survivors: people go on without noticing.
    await schedule(set.url, uniqueTitle('After the failover'));
  });
});
