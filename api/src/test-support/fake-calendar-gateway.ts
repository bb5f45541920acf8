import type { CalendarEntry, CalendarGateway, MailboxProfile } from '../ports/calendar-gateway.ts';
import type { Identity } from '../ports/identity.ts';

/** A hand-written CalendarGateway for HTTP tests: one profile and a fixed list of entries per user. */
export function createFakeCalendarGateway(data: {
  profiles: Record<string, MailboxProfile>;
  entries: Record<string, CalendarEntry[]>;
}): CalendarGateway & { calls: { userId: string; window?: { start: Date; end: Date } }[] } {
  const calls: { userId: string; window?: { start: Date; end: Date } }[] = [];
  const profileOf = (identity: Identity) => {
    const profile = data.profiles[identity.userId];
    if (!profile) throw new Error(`no fake profile for ${identity.userId}`);
    return profile;
  };
  return {
    calls,
    async getProfile(identity) {
      calls.push({ userId: identity.userId });
      return profileOf(identity);
    },
    async listCalendarView(identity, window) {
      calls.push({ userId: identity.userId, window });
      return (data.entries[identity.userId] ?? []).filter((e) => e.start < window.end && e.end > window.start);
    },
  };
}
