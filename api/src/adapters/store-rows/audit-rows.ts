import { z } from 'zod';
import type { MeetingHistoryEntry } from '../../ports/meeting-store.ts';
import type { AuditEntry } from '../../ports/tenant-store.ts';
import type { ColumnCodec } from './column-codec.ts';

/** Both logs keep their details as one JSON object. */
const detailsObject = z.record(z.string(), z.unknown());

export function auditRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    at: c.instant,
    actor_id: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    details_json: c.json(detailsObject),
  });
}

export function historyRowSchema(c: ColumnCodec) {
  return z.object({
    meeting_id: z.string(),
    at: c.instant,
    actor_id: z.string().nullable(),
    kind: z.enum([
      'created',
      'rescheduled',
      'updated',
      'cancelled',
      'responded',
      'occurrence_changed',
      'occurrence_cancelled',
    ]),
    summary: z.string(),
    details_json: c.json(detailsObject),
  });
}

export function auditEntryFromRow(a: z.output<ReturnType<typeof auditRowSchema>>): AuditEntry {
  return {
    tenantId: a.tenant_id,
    at: a.at,
    actorId: a.actor_id,
    action: a.action,
    target: a.target,
    details: a.details_json,
  };
}

export function historyEntryFromRow(h: z.output<ReturnType<typeof historyRowSchema>>): MeetingHistoryEntry {
  return {
    meetingId: h.meeting_id,
    at: h.at,
    actorId: h.actor_id,
    kind: h.kind,
    summary: h.summary,
    details: h.details_json,
  };
}
