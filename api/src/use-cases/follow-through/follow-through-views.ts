import type { OccurrenceAttendanceDto, PairCadenceDto, TogetherResponse } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import { dueAt, pairStatus, rhythmOf, usualOrganizer } from '../../domain/follow-through/pair-rhythm.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { OccurrenceAttendance } from '../../ports/attendance-store.ts';
import type { PairRecord } from '../../ports/cadence-store.ts';
import type { MeetingType, UserRecord } from '../../ports/tenant-store.ts';
import { settingsOf } from '../admin/tenant-settings.ts';
import { findMeetingFor, type MeetingViewer, meetingNotFound } from '../scheduling/meeting-access.ts';
import { decide, markedDecision } from './collect-attendance.ts';
import type { FollowThroughDeps } from './follow-through-deps.ts';
import { pairPerson, upcomingWith } from './pair-people.ts';

type ViewDeps = Pick<FollowThroughDeps, 'clock' | 'meetings' | 'attendance' | 'pairs' | 'meetingTypes' | 'tenants'>;

/** The attendance of each ended occurrence of a meeting the viewer takes part in. */
export async function meetingAttendance(
  deps: ViewDeps,
  viewer: MeetingViewer,
  meetingId: string,
): Promise<OccurrenceAttendanceDto[]> {
  const found = await findMeetingFor(deps.meetings, viewer, meetingId);
  if (!found) throw meetingNotFound();
  const records = await deps.attendance.listForMeeting(viewer.tenantId, meetingId);
  return records.map((record) => attendanceDto(record, found.role === 'organizer'));
}

export function attendanceDto(record: OccurrenceAttendance, organizer: boolean): OccurrenceAttendanceDto {
  return {
    occurrenceStart: record.occurrenceStart.toISOString(),
    occurrenceEnd: record.occurrenceEnd.toISOString(),
    online: record.online,
    state: record.state,
    source: record.source,
    unknownReason: record.unknownReason,
    participants: record.participants.map((p) => ({ ...p })),
    decidedAt: record.decidedAt?.toISOString() ?? null,
    canMark: organizer && mayMark(record),
  };
}

/**
 * The organizer may say whether an occurrence was held when nobody else can: in person, or when Teams gave no
 * answer; and may change their own word. What Teams' report says stands.
 */
function mayMark(record: OccurrenceAttendance): boolean {
  if (record.source === 'teams' && record.state !== 'unknown') return false;
  return (record.state === 'pending' && !record.online) || record.state === 'unknown' || record.source === 'organizer';
}

/** The organizer marks an ended occurrence held or not; follow-ups and the pair's record follow as for Teams'. */
export async function markAttendance(
  deps: FollowThroughDeps,
  viewer: MeetingViewer,
  meetingId: string,
  occurrenceStart: Date,
  held: boolean,
): Promise<OccurrenceAttendance> {
  const found = await findMeetingFor(deps.meetings, viewer, meetingId);
  if (!found) throw meetingNotFound();
  if (found.role !== 'organizer') throw new AppError('forbidden', 'Only the organizer can say whether it was held.');
  const record = await deps.attendance.get(viewer.tenantId, meetingId, occurrenceStart);
  if (!record) {
    throw new AppError('meeting_not_editable', 'This occurrence has not ended yet, or no occurrence starts then.');
  }
  if (!mayMark(record)) {
    throw new AppError(
      'meeting_not_editable',
      record.source === 'teams'
        ? "Teams' attendance report already says who joined."
        : 'Confer is still waiting for the Teams attendance report.',
    );
  }
  const wanted = held ? 'held' : 'no_show';
  if (record.source === 'organizer' && record.state === wanted) return record;
  const saved = await decide(deps, record, markedDecision(found.meeting, held, viewer.userId), {
    meeting: found.meeting,
  });
  if (!saved) throw new AppError('version_conflict', 'This occurrence changed while saving. Try again.');
  return saved;
}

/** The viewer's pairs with their rhythm and where they stand: overdue first, then due, then on track. */
export async function cadenceFor(deps: ViewDeps, viewer: MeetingViewer): Promise<PairCadenceDto[]> {
  const now = deps.clock.now();
  const types = new Map((await deps.meetingTypes.list(viewer.tenantId)).map((t) => [t.id, t]));
  const pairs = await deps.pairs.listForPerson(viewer.tenantId, viewer.userId);
  const views = await Promise.all(pairs.map((pair) => pairView(deps, viewer, pair, types, now)));
  const rank = { overdue: 0, due: 1, on_track: 2 } as const;
  return views
    .filter((view): view is PairCadenceDto => view !== null)
    .sort((a, b) => rank[a.status] - rank[b.status] || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
}

async function pairView(
  deps: ViewDeps,
  viewer: MeetingViewer,
  pair: PairRecord,
  types: Map<string, MeetingType>,
  now: Date,
): Promise<PairCadenceDto | null> {
  const partnerId = pair.personA === viewer.userId ? pair.personB : pair.personA;
  const last = await deps.meetings.get(viewer.tenantId, pair.lastHeldMeetingId);
  const partner = await pairPerson(deps.tenants, viewer.tenantId, partnerId, last);
  if (!partner) return null;
  const rhythm = rhythmOf(pair, (typeId) => types.get(typeId)?.cadenceDays);
  const due = rhythm ? dueAt(pair, rhythm.days) : null;
  const upcoming = await upcomingWith(deps.meetings, viewer.tenantId, viewer.userId, partnerId, now);
  const type = pair.lastTypeId ? types.get(pair.lastTypeId) : undefined;
  return {
    partner,
    rhythmDays: rhythm?.days ?? null,
    rhythmSource: rhythm?.source ?? null,
    typeId: type?.id ?? null,
    typeName: type?.name ?? null,
    lastHeldAt: pair.lastHeldStart.toISOString(),
    dueAt: due?.toISOString() ?? null,
    status: pairStatus(due, now, upcoming !== null),
    upcoming: upcoming ? { meetingId: upcoming.meetingId, start: upcoming.start.toISOString() } : null,
    usuallyOrganizes: usualOrganizer(pair, last?.organizerId ?? null) === viewer.userId,
  };
}

/**
 * Turns the person's cadence nudges on or off. Someone Confer has not met yet (they only ever used the bot) gets
 * their first record here, connected as the tenant's mode says: tenant-wide covers everyone, per-user nobody yet.
 */
export async function setNudges(
  deps: Pick<FollowThroughDeps, 'clock' | 'tenants' | 'defaultConnectionMode'>,
  person: { tenantId: string; userId: string; email: string; displayName: string; timeZone: string | null },
  enabled: boolean,
): Promise<void> {
  const now = deps.clock.now();
  const existing = await deps.tenants.getUser(person.tenantId, person.userId);
  const mode = (await settingsOf(deps.tenants, person.tenantId, deps.defaultConnectionMode)).connectionMode;
  const record: UserRecord = existing ?? {
    tenantId: person.tenantId,
    userId: person.userId,
    email: person.email.toLowerCase(),
    displayName: person.displayName,
    timeZone: person.timeZone ?? 'UTC',
    connectionStatus: mode === 'tenant' ? 'connected' : 'not_connected',
    connectionCheckedAt: null,
    connectionExpiresAt: null,
    preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
    updatedAt: now,
  };
  await deps.tenants.upsertUser({
    ...record,
    preferences: { ...record.preferences, cadenceNudges: enabled },
    updatedAt: now,
  });
}

const MAX_HISTORY = 500;

/**
 * The viewer's history with one person: their ended occurrences together by outcome, the average gap between
 * held ones, the last held and the next booked, and the pair's rhythm.
 */
export async function togetherWith(
  deps: ViewDeps,
  viewer: MeetingViewer,
  partnerId: string,
): Promise<TogetherResponse> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(partnerId)) throw new AppError('not_found', 'No such person.');
  const now = deps.clock.now();
  const meetings = (
    await deps.meetings.listForUser(viewer.tenantId, viewer.userId, {
      to: now,
      statuses: ['scheduled', 'cancelled'],
      limit: MAX_HISTORY,
      order: 'desc',
    })
  ).filter((m) => involves(m, partnerId));
  const records = await deps.attendance.listForMeetings(
    viewer.tenantId,
    meetings.map((m) => m.id),
  );
  const pair = await deps.pairs.get(viewer.tenantId, viewer.userId, partnerId);
  const known = meetings[0] ?? (pair ? await deps.meetings.get(viewer.tenantId, pair.lastHeldMeetingId) : undefined);
  const partner = await pairPerson(deps.tenants, viewer.tenantId, partnerId, known);
  if (!partner || (!known && !pair)) throw new AppError('not_found', 'You have no meetings with this person.');
  const count = (state: OccurrenceAttendance['state']) => records.filter((r) => r.state === state).length;
  const heldStarts = records
    .filter((r) => r.state === 'held' || r.state === 'partly_attended')
    .map((r) => r.occurrenceStart.getTime())
    .sort((a, b) => a - b);
  const gaps = heldStarts.slice(1).map((start, i) => start - (heldStarts[i] as number));
  const averageGapDays =
    gaps.length > 0 ? Math.round((gaps.reduce((a, b) => a + b, 0) / gaps.length / 86_400_000) * 10) / 10 : null;
  const next = await upcomingWith(deps.meetings, viewer.tenantId, viewer.userId, partnerId, now);
  const types = new Map((await deps.meetingTypes.list(viewer.tenantId)).map((t) => [t.id, t]));
  const lastHeld = heldStarts.length > 0 ? new Date(heldStarts[heldStarts.length - 1] as number) : null;
  return {
    partner,
    held: count('held'),
    partlyAttended: count('partly_attended'),
    missed: count('no_show'),
    unknown: count('unknown'),
    averageGapDays,
    lastHeldAt: lastHeld?.toISOString() ?? pair?.lastHeldStart.toISOString() ?? null,
    nextMeetingAt: next?.start.toISOString() ?? null,
    cadence: pair ? await pairView(deps, viewer, pair, types, now) : null,
  };
}

function involves(meeting: Meeting, userId: string): boolean {
  return meeting.organizerId === userId || meeting.attendees.some((a) => a.userId === userId);
}
