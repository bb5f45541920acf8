import type { Client } from '@microsoft/microsoft-graph-client';
import type { Interval } from '../../domain/scheduling/model.ts';
import type { ProbeFailure, ProbePerson, ProbeResult } from '../../ports/access-probe.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import { accessFailureOf, scheduleFailureOf } from './graph-access-reasons.ts';
import { mailboxPath, PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { scheduleResponseSchema } from './graph-event-schemas.ts';
import { MAX_SCHEDULES_PER_REQUEST, readStatus } from './graph-schedule-reader.ts';

/** Outlook allows 4 concurrent requests per app and mailbox (docs/reference/graph-calendar.md §7). */
const MAX_CONCURRENT_REQUESTS = 4;
/**
 * getSchedule runs on one mailbox (the path) and reads the others. When the path mailbox itself cannot be used (no
 * mailbox, outside the access policy), the chunk is asked again on the next candidate's: this many in all.
 */
const PATH_ATTEMPTS = 3;
/** An hour is enough to prove the read; the view's resolution does not matter here. */
const VIEW_INTERVAL_MINUTES = 60;

/**
 * Free/busy for everyone, 20 addresses per getSchedule (docs/reference/graph-calendar.md §1), read as the picker
 * reads it: each entry's `error` is that person's answer (graph-schedule-reader.ts `readStatus`).
 */
export async function readFreeBusyChunks(
  client: Client,
  actor: GraphActor,
  organizer: MailboxRef,
  people: readonly ProbePerson[],
  window: Interval,
): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const chunks: ProbePerson[][] = [];
  for (let i = 0; i < people.length; i += MAX_SCHEDULES_PER_REQUEST) {
    chunks.push(people.slice(i, i + MAX_SCHEDULES_PER_REQUEST));
  }
  for (let i = 0; i < chunks.length; i += MAX_CONCURRENT_REQUESTS) {
    const group = chunks.slice(i, i + MAX_CONCURRENT_REQUESTS);
    const answers = await Promise.all(group.map((chunk) => readChunk(client, actor, organizer, chunk, window)));
    for (const answer of answers) for (const [userId, result] of answer) results.set(userId, result);
  }
  return results;
}

async function readChunk(
  client: Client,
  actor: GraphActor,
  organizer: MailboxRef,
  people: readonly ProbePerson[],
  window: Interval,
): Promise<Map<string, ProbeResult>> {
  const candidates: MailboxRef[] = [organizer, ...people].slice(0, PATH_ATTEMPTS);
  let failure: ProbeFailure = { ok: false, reason: 'error', code: null };
  for (const [attempt, path] of candidates.entries()) {
    try {
      return await askSchedule(client, `${mailboxPath(actor, path)}/calendar/getSchedule`, people, window);
    } catch (error) {
      failure = accessFailureOf(error);
      const pathRefused =
        failure.reason === 'no_mailbox' ||
        failure.reason === 'outside_access_policy' ||
        failure.reason === 'user_not_found';
      if (!pathRefused) break;
      // Only the path mailbox was refused, which says nothing certain about the people read through it.
      if (attempt === candidates.length - 1) failure = { ...failure, reason: 'error' };
    }
  }
  return new Map(people.map((p) => [p.userId, failure]));
}

async function askSchedule(
  client: Client,
  path: string,
  people: readonly ProbePerson[],
  window: Interval,
): Promise<Map<string, ProbeResult>> {
  const body = {
    schedules: people.map((p) => p.email),
    startTime: { dateTime: utc(window.start), timeZone: 'UTC' },
    endTime: { dateTime: utc(window.end), timeZone: 'UTC' },
    availabilityViewInterval: VIEW_INTERVAL_MINUTES,
  };
  const raw = await call(() => client.api(path).header('Prefer', PREFER_UTC).post(body));
  const entries = parse(scheduleResponseSchema, raw, 'getSchedule answer').value;
  const byAddress = new Map(entries.map((e) => [e.scheduleId.toLowerCase(), e]));
  return new Map(
    people.map((person): [string, ProbeResult] => {
      const entry = byAddress.get(person.email.toLowerCase());
      if (!entry) return [person.userId, { ok: false, reason: 'error', code: 'no_schedule_entry' }];
      if (!entry.error) return [person.userId, { ok: true }];
      const failure = scheduleFailureOf(readStatus(entry.error), entry.error.responseCode ?? null);
      return [person.userId, failure ?? { ok: true }];
    }),
  );
}

function utc(instant: Date): string {
  return instant.toISOString().replace(/Z$/, '');
}
