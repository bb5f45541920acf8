import { describe, expect, it } from 'vitest';
import { failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';
import type { MeetingTypeStore } from './tenant-store.ts';

/** One contract suite for every MeetingTypeStore implementation. */
export function meetingTypeStoreContract(
  name: string,
  create: () => { meetingTypes: MeetingTypeStore } | Promise<{ meetingTypes: MeetingTypeStore }>,
) {
  describe(`MeetingTypeStore contract: ${name}`, () => {
    it("seeds a tenant's default types on first read, in order, with prompts and reminders", async () => {
      const { meetingTypes } = await create();
      const types = await meetingTypes.list(TENANT_A);
      expect(types.map((t) => [t.name, t.durationMinutes])).toEqual([
        ['Mentoring session', 45],
        ['1:1 check-in', 30],
        ['Wellbeing conversation', 30],
        ['Performance conversation', 60],
      ]);
      for (const type of types) {
        expect(type.tenantId).toBe(TENANT_A);
        expect(type.defaultReminders).toEqual([1440, 15]);
        expect(type.agendaPrompts.length).toBeGreaterThanOrEqual(3);
        expect(type.agendaPrompts.length).toBeLessThanOrEqual(4);
      }
    });

    it('seeds once per tenant: later reads answer the same types, each tenant its own', async () => {
      const { meetingTypes } = await create();
      const first = await meetingTypes.list(TENANT_A);
      first[0]!.name = 'Changed by the caller';
      expect(await meetingTypes.list(TENANT_A)).toHaveLength(4);
      expect((await meetingTypes.list(TENANT_A))[0]?.name).toBe('Mentoring session');
      const other = await meetingTypes.list(TENANT_B);
      expect(other.map((t) => t.tenantId)).toEqual([TENANT_B, TENANT_B, TENANT_B, TENANT_B]);
      expect(await meetingTypes.list(TENANT_A)).toHaveLength(4);
    });

    it('gets one type by id, seeding first when the tenant was never read', async () => {
      const { meetingTypes } = await create();
      const mentoring = await meetingTypes.get(TENANT_B, 'mentoring-session');
      expect(mentoring?.name).toBe('Mentoring session');
      expect(await meetingTypes.get(TENANT_B, 'unknown')).toBeUndefined();
      expect(await meetingTypes.list(TENANT_B)).toContainEqual(mentoring);
    });

    it('seeds each default type with its rhythm: none for the performance conversation', async () => {
      const { meetingTypes } = await create();
      expect((await meetingTypes.list(TENANT_A)).map((t) => [t.id, t.cadenceDays])).toEqual([
        ['mentoring-session', 14],
        ['one-to-one-check-in', 7],
        ['wellbeing-conversation', 28],
        ['performance-conversation', null],
      ]);
    });

    it("sets and clears a type's rhythm in its tenant only, and answers false for an unknown type", async () => {
      const { meetingTypes } = await create();
      expect(await meetingTypes.setCadence(TENANT_A, 'performance-conversation', 90)).toBe(true);
      expect(await meetingTypes.setCadence(TENANT_A, 'mentoring-session', null)).toBe(true);
      expect((await meetingTypes.get(TENANT_A, 'performance-conversation'))?.cadenceDays).toBe(90);
      expect((await meetingTypes.get(TENANT_A, 'mentoring-session'))?.cadenceDays).toBeNull();
      expect((await meetingTypes.get(TENANT_B, 'mentoring-session'))?.cadenceDays).toBe(14);
      expect(await meetingTypes.setCadence(TENANT_A, 'unknown', 7)).toBe(false);
      expect(await meetingTypes.get(TENANT_A, 'unknown')).toBeUndefined();
      expect(await failureOf(meetingTypes.setCadence(TENANT_A, 'mentoring-session', 0))).toBe('constraint');
      expect((await meetingTypes.list(TENANT_A)).map((t) => t.cadenceDays)).toEqual([null, 7, 28, 90]);
    });

    it('sets a rhythm on a tenant never read: its defaults are seeded first, and stay seeded once', async () => {
      const { meetingTypes } = await create();
      expect(await meetingTypes.setCadence(TENANT_B, 'one-to-one-check-in', 10)).toBe(true);
      const types = await meetingTypes.list(TENANT_B);
      expect(types).toHaveLength(4);
      expect(types.find((t) => t.id === 'one-to-one-check-in')?.cadenceDays).toBe(10);
    });
  });
}

/**
 * What the migration giving meeting types a rhythm must leave, on a store where tenant A's defaults and its own
 * 'coaching' type were seeded before it: the defaults have their rhythm, coaching none, and a tenant seeded
 * afterwards gets the defaults with theirs.
 */
export async function expectRhythmsAfterMigration(meetingTypes: MeetingTypeStore) {
  expect((await meetingTypes.list(TENANT_A)).map((t) => [t.id, t.cadenceDays])).toEqual([
    ['mentoring-session', 14],
    ['one-to-one-check-in', 7],
    ['wellbeing-conversation', 28],
    ['performance-conversation', null],
    ['coaching', null],
  ]);
  expect((await meetingTypes.list(TENANT_B)).map((t) => t.cadenceDays)).toEqual([14, 7, 28, null]);
}
