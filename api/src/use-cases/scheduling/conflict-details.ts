import type { Conflict } from '../../domain/scheduling/model.ts';

/** Conflicts as the API returns them (in `error.details` of `conflicts_found`, and from /api/conflicts). */
export function conflictsDetails(conflicts: readonly Conflict[]) {
  return {
    conflicts: conflicts.map((c) => ({
      occurrence: { start: c.occurrence.start.toISOString(), end: c.occurrence.end.toISOString() },
      person: c.person,
      status: c.status,
      ...(c.subject ? { subject: c.subject } : {}),
    })),
  };
}
