import { z } from 'zod';
import type { PairRecord } from '../../ports/cadence-store.ts';
import type { ColumnCodec } from './column-codec.ts';

export function pairRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    person_a: z.string(),
    person_b: z.string(),
    organized_by_a: z.number().int().nonnegative(),
    organized_by_b: z.number().int().nonnegative(),
    last_held_meeting_id: z.string(),
    last_held_start: c.instant,
    last_held_end: c.instant,
    last_type_id: z.string().nullable(),
    rhythm_days: z.number().int().positive().nullable(),
    last_nudge_at: c.instant.nullable(),
    updated_at: c.instant,
  });
}

export function pairFromRow(p: z.output<ReturnType<typeof pairRowSchema>>): PairRecord {
  return {
    tenantId: p.tenant_id,
    personA: p.person_a,
    personB: p.person_b,
    organizedByA: p.organized_by_a,
    organizedByB: p.organized_by_b,
    lastHeldMeetingId: p.last_held_meeting_id,
    lastHeldStart: p.last_held_start,
    lastHeldEnd: p.last_held_end,
    lastTypeId: p.last_type_id,
    rhythmDays: p.rhythm_days,
    lastNudgeAt: p.last_nudge_at,
    updatedAt: p.updated_at,
  };
}
