import { describe, expect, it } from 'vitest';
import { TENANT_A, TENANT_B } from './store-fixtures.contract.ts';
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
  });
}
