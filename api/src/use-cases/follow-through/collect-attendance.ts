import { outcomeFromReports, participantsAsMarked } from '../../domain/follow-through/attendance-outcome.ts';
import { firstCheckAt, nextCheckAt } from '../../domain/follow-through/attendance-schedule.ts';
import { occurrencesEndedBetween } from '../../domain/follow-through/ended-occurrences.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { AttendanceLookup } from '../../ports/attendance-gateway.ts';
import type { OccurrenceAttendance, UnknownReason } from '../../ports/attendance-store.ts';
import type { FollowThroughDeps } from './follow-through-deps.ts';
import { followUpMessages } from './follow-up-messages.ts';

const PAGE = 200;
/** An in-person occurrence nobody marked is `unknown` after this long. */
export const UNTOLD_AFTER_MS = 7 * 86_400_000;

/**
 * Records every occurrence that ended within `[from, to)` as pending (idempotent), and queues the organizer's
 * "was it held?" for those in person. Answers how many records were new.
 */
export async function planEndedOccurrences(deps: FollowThroughDeps, from: Date, to: Date): Promise<number> {
  const now = deps.clock.now();
  let added = 0;
  let after: { tenantId: string; meetingId: string } | undefined;
  for (;;) {
    const page = await deps.meetings.listEndingBetween(from, to, { limit: PAGE, ...(after ? { after } : {}) });
    for (const meeting of page) {
      const overrides = meeting.recurrence ? await deps.meetings.listOccurrences(meeting.tenantId, meeting.id) : [];
      const records = occurrencesEndedBetween(meeting, overrides, from, to).map((occurrence) =>
        pendingRecord(meeting, occurrence.originalStart, occurrence.end, now),
      );
      if (records.length === 0) continue;
      added += await deps.attendance.addPending(records);
      const inPerson = records.filter((record) => !record.online);
      if (inPerson.length > 0) await deps.queue.enqueue(inPerson.flatMap((r) => followUpMessages(meeting, r, now)));
    }
    if (page.length < PAGE) return added;
    const last = page[page.length - 1] as Meeting;
    after = { tenantId: last.tenantId, meetingId: last.id };
  }
}

function pendingRecord(meeting: Meeting, occurrenceStart: Date, occurrenceEnd: Date, now: Date): OccurrenceAttendance {
  const online = meeting.online && meeting.joinUrl !== null;
  const nextCheckAt = online ? firstCheckAt(occurrenceEnd) : null;
  return pendingAttendance(
    { tenantId: meeting.tenantId, meetingId: meeting.id, occurrenceStart, occurrenceEnd, online, nextCheckAt },
    now,
  );
}

/**
 * An ended occurrence's first record: pending, nothing read or told yet, first read at `nextCheckAt` (null for
 * one in person, which waits for the organizer's word).
 */
export function pendingAttendance(
  occurrence: Pick<
    OccurrenceAttendance,
    'tenantId' | 'meetingId' | 'occurrenceStart' | 'occurrenceEnd' | 'online' | 'nextCheckAt'
  >,
  now: Date,
): OccurrenceAttendance {
  return {
    tenantId: occurrence.tenantId,
    meetingId: occurrence.meetingId,
    occurrenceStart: occurrence.occurrenceStart,
    occurrenceEnd: occurrence.occurrenceEnd,
    online: occurrence.online,
    state: 'pending',
    source: null,
    participants: [],
    attempts: 0,
    nextCheckAt: occurrence.nextCheckAt,
    unknownReason: null,
    decidedAt: null,
    decidedBy: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export interface CollectReport {
  read: number;
  decided: number;
  waiting: number;
  failed: number;
}

/** How many reports are read at once: enough to collect a busy hour in minutes, gentle on Graph. */
const READ_CONCURRENCY = 4;

/**
 * One pass over the records due, batch after batch until none is left: reads each pending one's report, and
 * finishes the follow-through of those decided (queueing cards, recording the pair) that a previous pass could
 * not finish. A record that fails is left for the next pass, never retried within this one.
 */
export async function collectDueAttendance(deps: FollowThroughDeps, batch = 100): Promise<CollectReport> {
  const report: CollectReport = { read: 0, decided: 0, waiting: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.attendance.listDue(deps.clock.now(), batch + seen.size)).filter(
      (record) => !seen.has(keyOf(record)),
    );
    if (due.length === 0) return report;
    // Only the records read in this batch are passed over later: the rest of the list is read in the next batch.
    const chunk = due.slice(0, batch);
    for (const record of chunk) seen.add(keyOf(record));
    await eachAtMost(READ_CONCURRENCY, chunk, async (record) => {
      try {
        if (record.state !== 'pending') {
          await finishFollowThrough(deps, record);
          return;
        }
        report.read++;
        report[await readOne(deps, record)]++;
      } catch (error) {
        report.failed++;
        deps.logger.error('attendance.collect_failed', { meetingId: record.meetingId, error });
      }
    });
  }
}

function keyOf(record: OccurrenceAttendance): string {
  return `${record.tenantId} ${record.meetingId} ${record.occurrenceStart.getTime()}`;
}

/** Runs `task` over the items, at most `limit` at a time. */
async function eachAtMost<T>(limit: number, items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readOne(deps: FollowThroughDeps, record: OccurrenceAttendance): Promise<'decided' | 'waiting'> {
  const now = deps.clock.now();
  const meeting = await deps.meetings.get(record.tenantId, record.meetingId);
  if (meeting?.status !== 'scheduled' || !meeting.joinUrl) {
    await decide(
      deps,
      record,
      { state: 'unknown', reason: meeting?.joinUrl ? 'no_report' : 'no_online_meeting' },
      { meeting },
    );
    return 'decided';
  }
  let lookup: AttendanceLookup;
  try {
    lookup = await deps.gateway.readAttendance(meeting.tenantId, meeting.organizerId, meeting.joinUrl, {
      start: new Date(record.occurrenceStart.getTime() - 60 * 60_000),
      end: new Date(record.occurrenceEnd.getTime() + 2 * 60 * 60_000),
    });
  } catch (error) {
    // Throttled, unavailable, timed out: asked again later, within the same bounded wait.
    deps.logger.warn('attendance.read_failed', { meetingId: meeting.id, error });
    return waitOrGiveUp(deps, record, now, meeting);
  }
  switch (lookup.kind) {
    case 'no_online_meeting':
    case 'not_permitted':
    case 'not_connected':
      deps.logger.warn('attendance.unreadable', { meetingId: meeting.id, reason: lookup.kind });
      await decide(deps, record, { state: 'unknown', reason: lookup.kind }, { meeting });
      return 'decided';
    case 'reports': {
      const occurrence = { start: record.occurrenceStart, end: record.occurrenceEnd };
      const found = outcomeFromReports(meeting, occurrence, lookup.reports);
      if (!found) return waitOrGiveUp(deps, record, now, meeting);
      await decide(
        deps,
        record,
        { state: found.outcome, participants: found.participants, source: 'teams' },
        { meeting },
      );
      return 'decided';
    }
  }
}

async function waitOrGiveUp(
  deps: FollowThroughDeps,
  record: OccurrenceAttendance,
  now: Date,
  meeting: Meeting,
): Promise<'decided' | 'waiting'> {
  const attempts = record.attempts + 1;
  const next = nextCheckAt(record.occurrenceEnd, attempts, now);
  if (!next) {
    await decide(deps, { ...record, attempts }, { state: 'unknown', reason: 'no_report' }, { meeting });
    return 'decided';
  }
  await deps.attendance.save({ ...record, attempts, nextCheckAt: next, updatedAt: now }, record.version);
  return 'waiting';
}

type Decision =
  | { state: 'unknown'; reason: UnknownReason }
  | {
      state: 'held' | 'partly_attended' | 'no_show';
      participants: OccurrenceAttendance['participants'];
      source: 'teams' | 'organizer';
      decidedBy?: string;
    };

/**
 * Saves the outcome with its follow-through still to do (`nextCheckAt` now), then does it: were the process to
 * stop in between, the next pass finds the record due and finishes. Answers the saved record, or null when
 * someone else saved first.
 */
export async function decide(
  deps: FollowThroughDeps,
  record: OccurrenceAttendance,
  decision: Decision,
  known?: KnownMeeting,
): Promise<OccurrenceAttendance | null> {
  const now = deps.clock.now();
  const decided: OccurrenceAttendance = {
    ...record,
    state: decision.state,
    source: decision.state === 'unknown' ? unknownSource(decision.reason) : decision.source,
    participants: decision.state === 'unknown' ? record.participants : decision.participants,
    unknownReason: decision.state === 'unknown' ? decision.reason : null,
    decidedAt: now,
    decidedBy: decision.state === 'unknown' ? null : (decision.decidedBy ?? null),
    nextCheckAt: now,
    version: record.version + 1,
    updatedAt: now,
  };
  if (!(await deps.attendance.save(decided, record.version))) return null;
  return finishFollowThrough(deps, decided, known);
}

/** The record's meeting as the caller already read it (undefined when it was gone), so it is not read again. */
export interface KnownMeeting {
  meeting: Meeting | undefined;
}

/** Who said it is unknown: the wait ran out, or Graph's answer (refused, no meeting, no connection). */
function unknownSource(reason: UnknownReason): 'timeout' | 'teams' {
  return reason === 'no_report' || reason === 'not_told' ? 'timeout' : 'teams';
}

/** Records the pair's held meeting and queues the follow-up cards (both idempotent), then marks it finished. */
export async function finishFollowThrough(
  deps: FollowThroughDeps,
  record: OccurrenceAttendance,
  known?: KnownMeeting,
): Promise<OccurrenceAttendance> {
  const now = deps.clock.now();
  const meeting = known ? known.meeting : await deps.meetings.get(record.tenantId, record.meetingId);
  if (meeting) {
    if (record.state === 'held' || record.state === 'partly_attended') {
      for (const person of record.participants) {
        if (person.role !== 'attendee' || !person.joined || !person.userId) continue;
        await deps.pairs.recordHeld({
          tenantId: meeting.tenantId,
          organizerId: meeting.organizerId,
          partnerId: person.userId,
          meetingId: meeting.id,
          start: record.occurrenceStart,
          end: record.occurrenceEnd,
          typeId: meeting.typeId,
          at: now,
        });
      }
    }
    await deps.queue.enqueue(followUpMessages(meeting, record, now));
  }
  const finished = { ...record, nextCheckAt: null, version: record.version + 1, updatedAt: now };
  return (await deps.attendance.save(finished, record.version)) ? finished : record;
}

/** In-person occurrences nobody marked within a week become `unknown`. */
export async function closeUntold(deps: FollowThroughDeps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  const untold = await deps.attendance.listUntold(new Date(now.getTime() - UNTOLD_AFTER_MS), limit);
  let closed = 0;
  for (const record of untold) {
    if (await decide(deps, record, { state: 'unknown', reason: 'not_told' })) closed++;
  }
  return closed;
}

/** What the organizer marks for an occurrence: held (everyone who had not declined) or not held. */
export function markedDecision(meeting: Meeting, held: boolean, organizerId: string): Decision {
  return {
    state: held ? 'held' : 'no_show',
    participants: participantsAsMarked(meeting, held),
    source: 'organizer',
    decidedBy: organizerId,
  };
}
