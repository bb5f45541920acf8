/**
 * Pairs of people who meet through Confer, and how regularly. A pair is recorded when one of its meetings is
 * held; the cadence scan reads these rows alone (no Graph, no meeting reads) to find pairs that are due.
 */
export interface PairRecord {
  tenantId: string;
  /** The two people's Entra object ids, `personA` < `personB` (by string order): one row per pair. */
  personA: string;
  personB: string;
  /** How many held meetings each organised: the one who usually organises is nudged. */
  organizedByA: number;
  organizedByB: number;
  /** The most recent held meeting: its id, occurrence, type. */
  lastHeldMeetingId: string;
  lastHeldStart: Date;
  lastHeldEnd: Date;
  lastTypeId: string | null;
  /** The pair's own rhythm in days (either person set it); null: their last meeting type's. */
  rhythmDays: number | null;
  /** When the last nudge was queued for this pair, and for which held meeting's end it was. */
  lastNudgeAt: Date | null;
  updatedAt: Date;
}

/** One held meeting, as a pair records it. */
export interface HeldMeeting {
  tenantId: string;
  organizerId: string;
  partnerId: string;
  meetingId: string;
  start: Date;
  end: Date;
  typeId: string | null;
  at: Date;
}

export interface CadenceStore {
  /**
   * Records a held meeting for the pair: the organizer's count goes up once per meeting and occurrence, and the
   * last held meeting moves on only when this one ended later. Idempotent for the same pair, meeting and start (a
   * meeting with several attendees counts once for each of its pairs).
   */
  recordHeld(held: HeldMeeting): Promise<void>;
  /** The pair's row, whichever order the two ids are given in. */
  get(tenantId: string, personOne: string, personTwo: string): Promise<PairRecord | undefined>;
  /** Every pair the person is in. */
  listForPerson(tenantId: string, userId: string): Promise<PairRecord[]>;
  /**
   * A page of the tenant's pairs ordered by (personA, personB), after the given pair (exclusive) when one is
   * given: the scan walks all pairs this way.
   */
  listPage(tenantId: string, after: { personA: string; personB: string } | null, limit: number): Promise<PairRecord[]>;
  /** Sets (or clears, with null) the pair's own rhythm; creates nothing when the pair has no row (answers false). */
  setRhythm(
    tenantId: string,
    personOne: string,
    personTwo: string,
    rhythmDays: number | null,
    at: Date,
  ): Promise<boolean>;
  /**
   * Notes a nudge for the pair if its last nudge is still `expectedLastNudgeAt` (null: never nudged). Answers
   * false when another scan nudged first.
   */
  markNudged(
    tenantId: string,
    personOne: string,
    personTwo: string,
    at: Date,
    expectedLastNudgeAt: Date | null,
  ): Promise<boolean>;
}

/** The pair's key order. */
export function pairKey(one: string, two: string): { personA: string; personB: string } {
  return one < two ? { personA: one, personB: two } : { personA: two, personB: one };
}
