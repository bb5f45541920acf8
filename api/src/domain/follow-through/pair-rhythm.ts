import type { PairRecord } from '../../ports/cadence-store.ts';

const DAY_MS = 86_400_000;
/** A pair is `due` this long before its rhythm runs out (Home shows it, no nudge yet). */
export const DUE_SOON_DAYS = 3;

export type PairStatus = 'on_track' | 'due' | 'overdue';

/** The rhythm in force: the pair's own, else its last meeting type's; null when neither has one. */
export function rhythmOf(
  pair: Pick<PairRecord, 'rhythmDays' | 'lastTypeId'>,
  typeCadence: (typeId: string) => number | null | undefined,
): { days: number; source: 'pair' | 'type' } | null {
  if (pair.rhythmDays) return { days: pair.rhythmDays, source: 'pair' };
  const days = pair.lastTypeId ? typeCadence(pair.lastTypeId) : null;
  return days ? { days, source: 'type' } : null;
}

export function dueAt(pair: Pick<PairRecord, 'lastHeldEnd'>, rhythmDays: number): Date {
  return new Date(pair.lastHeldEnd.getTime() + rhythmDays * DAY_MS);
}

/** Where the pair stands now; a booked next meeting keeps it on track. */
export function pairStatus(due: Date | null, now: Date, booked: boolean): PairStatus {
  if (!due || booked) return 'on_track';
  if (now.getTime() >= due.getTime()) return 'overdue';
  return due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS ? 'due' : 'on_track';
}

/**
 * Whether a nudge may go now for an overdue pair: at most one per rhythm, and a new held meeting starts the
 * count again.
 */
export function mayNudge(
  pair: Pick<PairRecord, 'lastNudgeAt' | 'lastHeldEnd'>,
  rhythmDays: number,
  now: Date,
): boolean {
  if (!pair.lastNudgeAt) return true;
  if (pair.lastNudgeAt.getTime() < pair.lastHeldEnd.getTime()) return true;
  return now.getTime() - pair.lastNudgeAt.getTime() >= rhythmDays * DAY_MS;
}

/** Which rhythm period past the due date `now` is in (1 = the first): part of the nudge's idempotency key. */
export function overduePeriod(pair: Pick<PairRecord, 'lastHeldEnd'>, rhythmDays: number, now: Date): number {
  return Math.max(1, Math.floor((now.getTime() - pair.lastHeldEnd.getTime()) / (rhythmDays * DAY_MS)));
}

/** The one who usually organises; on a tie, whoever organised the last held meeting. */
export function usualOrganizer(
  pair: Pick<PairRecord, 'personA' | 'personB' | 'organizedByA' | 'organizedByB'>,
  lastOrganizerId: string | null,
): string {
  if (pair.organizedByA > pair.organizedByB) return pair.personA;
  if (pair.organizedByB > pair.organizedByA) return pair.personB;
  return lastOrganizerId === pair.personB ? pair.personB : pair.personA;
}
