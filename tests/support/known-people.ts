import type { Stack } from './stack.ts';

export interface KnownPerson {
  userId: string;
  email: string;
  displayName: string;
}

/**
 * People Confer knows but who never connected a calendar, written to its store as a first visit to the tab (or an
 * invitation) leaves them: the health list and the access test's sample are drawn from these.
 */
export async function rememberPeople(stack: Stack, people: readonly KnownPerson[]): Promise<void> {
  const now = stack.devtenant.clock.now();
  for (const person of people) {
    await stack.composed.scheduling.tenants.upsertUser({
      tenantId: stack.config.tenantId,
      ...person,
      timeZone: 'UTC',
      connectionStatus: 'not_connected',
      connectionCheckedAt: null,
      connectionExpiresAt: null,
      preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
      updatedAt: now,
    });
  }
}
