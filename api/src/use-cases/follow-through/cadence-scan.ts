import type { OutboundMessage } from '@confer/bot/ports';
import { dueAt, mayNudge, overduePeriod, rhythmOf, usualOrganizer } from '../../domain/follow-through/pair-rhythm.ts';
import type { PairRecord } from '../../ports/cadence-store.ts';
import type { FollowThroughDeps } from './follow-through-deps.ts';
import { pairPerson, upcomingWith } from './pair-people.ts';

const PAGE = 500;

export interface CadenceScanReport {
  pairs: number;
  /** Past their rhythm with no nudge yet in this rhythm. */
  due: number;
  nudged: number;
  booked: number;
  optedOut: number;
  away: number;
  failed: number;
}

/**
 * Walks the tenant's pairs and nudges the usual organizer of each pair that is past its rhythm with nothing
 * booked. Deciding that a pair is not due reads only its row: Graph is asked (whether either person is away)
 * only for pairs that are due. A nudge is queued under a key of the pair, its last held meeting and the rhythm
 * period, so it goes at most once per rhythm, however often the scan runs or however many replicas run it.
 */
export async function scanCadence(deps: FollowThroughDeps, tenantId: string): Promise<CadenceScanReport> {
  const now = deps.clock.now();
  const cadenceByType = new Map((await deps.meetingTypes.list(tenantId)).map((t) => [t.id, t.cadenceDays]));
  const report: CadenceScanReport = { pairs: 0, due: 0, nudged: 0, booked: 0, optedOut: 0, away: 0, failed: 0 };
  let after: { personA: string; personB: string } | null = null;
  for (;;) {
    const page = await deps.pairs.listPage(tenantId, after, PAGE);
    for (const pair of page) {
      report.pairs++;
      const rhythm = rhythmOf(pair, (typeId) => cadenceByType.get(typeId));
      if (!rhythm) continue;
      if (now.getTime() < dueAt(pair, rhythm.days).getTime()) continue;
      if (!mayNudge(pair, rhythm.days, now)) continue;
      report.due++;
      try {
        const outcome = await nudgePair(deps, pair, rhythm.days);
        report[outcome]++;
      } catch (error) {
        report.failed++;
        deps.logger.error('cadence.nudge_failed', { tenantId, error });
      }
    }
    if (page.length < PAGE) return report;
    const last = page[page.length - 1] as PairRecord;
    after = { personA: last.personA, personB: last.personB };
  }
}

async function nudgePair(
  deps: FollowThroughDeps,
  pair: PairRecord,
  rhythmDays: number,
): Promise<'nudged' | 'booked' | 'optedOut' | 'away' | 'failed'> {
  const now = deps.clock.now();
  const { tenantId } = pair;
  const last = await deps.meetings.get(tenantId, pair.lastHeldMeetingId);
  const recipientId = usualOrganizer(pair, last?.organizerId ?? null);
  const partnerId = recipientId === pair.personA ? pair.personB : pair.personA;
  const recipient = await deps.tenants.getUser(tenantId, recipientId);
  if (recipient?.preferences.cadenceNudges === false) return 'optedOut';
  if (await upcomingWith(deps.meetings, tenantId, recipientId, partnerId, now)) return 'booked';
  const partner = await pairPerson(deps.tenants, tenantId, partnerId, last);
  const recipientEmail = recipient?.email || (await pairPerson(deps.tenants, tenantId, recipientId, last))?.email;
  if (!partner || !recipientEmail) return 'failed';
  if (await deps.away(tenantId, { userId: recipientId, email: recipientEmail }, partner.email)) return 'away';
  const period = overduePeriod(pair, rhythmDays, now);
  const message: OutboundMessage = {
    key: `cadence-nudge:${tenantId}:${pair.personA}:${pair.personB}:${pair.lastHeldEnd.toISOString()}:${period}`,
    tenantId,
    userId: recipientId,
    kind: 'cadence-nudge',
    payload: { partnerId, lastHeldEnd: pair.lastHeldEnd.toISOString() },
    notBefore: now,
  };
  // Queued first: the key makes a repeat harmless, so a stop between the two steps loses nothing.
  await deps.queue.enqueue([message]);
  await deps.pairs.markNudged(tenantId, pair.personA, pair.personB, now, pair.lastNudgeAt);
  return 'nudged';
}
