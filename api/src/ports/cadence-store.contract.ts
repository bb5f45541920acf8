import { describe, expect, it } from 'vitest';
import type { CadenceStore, HeldMeeting } from './cadence-store.ts';
import { failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

const at = (iso: string) => new Date(iso);

/** Alex (oid-alex) held meeting-1 with Megan (oid-megan): Alex sorts first, so Alex is person A. */
export function aHeldMeeting(overrides: Partial<HeldMeeting> = {}): HeldMeeting {
  return {
    tenantId: TENANT_A,
    organizerId: 'oid-alex',
    partnerId: 'oid-megan',
    meetingId: 'meeting-1',
    start: at('2026-11-23T10:00:00.000Z'),
    end: at('2026-11-23T10:45:00.000Z'),
    typeId: 'mentoring-session',
    at: at('2026-11-23T11:00:00.000Z'),
    ...overrides,
  };
}

/** One contract suite for every CadenceStore implementation (in-memory, SQLite, PostgreSQL). */
export function cadenceStoreContract(
  name: string,
  create: () => { pairs: CadenceStore } | Promise<{ pairs: CadenceStore }>,
) {
  describe(`CadenceStore contract: ${name}`, () => {
    it('records a first held meeting as a new pair, in key order, the organizer counted', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting({ organizerId: 'oid-megan', partnerId: 'oid-alex' }));
      const expected = {
        tenantId: TENANT_A,
        personA: 'oid-alex',
        personB: 'oid-megan',
        organizedByA: 0,
        organizedByB: 1,
        lastHeldMeetingId: 'meeting-1',
        lastHeldStart: at('2026-11-23T10:00:00Z'),
        lastHeldEnd: at('2026-11-23T10:45:00Z'),
        lastTypeId: 'mentoring-session',
        rhythmDays: null,
        lastNudgeAt: null,
        updatedAt: at('2026-11-23T11:00:00Z'),
      };
      expect(await pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toEqual(expected);
      expect(await pairs.get(TENANT_A, 'oid-megan', 'oid-alex')).toEqual(expected);
      expect(await pairs.get(TENANT_B, 'oid-alex', 'oid-megan')).toBeUndefined();
    });

    it('counts a meeting and occurrence once, however often it is recorded', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      await pairs.recordHeld(aHeldMeeting({ at: at('2026-11-23T12:00:00Z') }));
      await pairs.recordHeld(aHeldMeeting({ organizerId: 'oid-megan', partnerId: 'oid-alex' }));
      await Promise.all([1, 2, 3].map(() => pairs.recordHeld(aHeldMeeting())));
      const pair = await pairs.get(TENANT_A, 'oid-alex', 'oid-megan');
      expect([pair?.organizedByA, pair?.organizedByB]).toEqual([1, 0]);
      expect(pair?.updatedAt).toEqual(at('2026-11-23T11:00:00Z'));
    });

    it("counts each organizer's meetings, and another occurrence of the same series again", async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      await pairs.recordHeld(aHeldMeeting({ start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T10:45:00Z') }));
      await pairs.recordHeld(
        aHeldMeeting({
          organizerId: 'oid-megan',
          partnerId: 'oid-alex',
          meetingId: 'meeting-2',
          start: at('2026-12-07T10:00:00Z'),
          end: at('2026-12-07T10:30:00Z'),
          typeId: null,
        }),
      );
      const pair = await pairs.get(TENANT_A, 'oid-megan', 'oid-alex');
      expect(pair).toMatchObject({
        organizedByA: 2,
        organizedByB: 1,
        lastHeldMeetingId: 'meeting-2',
        lastHeldStart: at('2026-12-07T10:00:00Z'),
        lastHeldEnd: at('2026-12-07T10:30:00Z'),
        lastTypeId: null,
      });
    });

    it('moves the last held meeting only forward: an earlier one recorded late still counts', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(
        aHeldMeeting({ meetingId: 'later', start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T10:45:00Z') }),
      );
      await pairs.recordHeld(aHeldMeeting({ meetingId: 'earlier', typeId: 'one-to-one-check-in' }));
      const pair = await pairs.get(TENANT_A, 'oid-alex', 'oid-megan');
      expect(pair).toMatchObject({
        organizedByA: 2,
        lastHeldMeetingId: 'later',
        lastHeldStart: at('2026-11-30T10:00:00Z'),
        lastHeldEnd: at('2026-11-30T10:45:00Z'),
        lastTypeId: 'mentoring-session',
      });
    });

    it('refuses a pair of one person with themselves', async () => {
      const { pairs } = await create();
      expect(await failureOf(pairs.recordHeld(aHeldMeeting({ partnerId: 'oid-alex' })))).toBe('constraint');
      expect(await pairs.listForPerson(TENANT_A, 'oid-alex')).toEqual([]);
    });

    it('lists every pair a person is in, in key order, in their tenant only', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting({ partnerId: 'oid-zoe' }));
      await pairs.recordHeld(aHeldMeeting({ organizerId: 'oid-adele', partnerId: 'oid-megan' }));
      await pairs.recordHeld(aHeldMeeting());
      await pairs.recordHeld(aHeldMeeting({ tenantId: TENANT_B, partnerId: 'oid-lee' }));
      const keys = (list: { personA: string; personB: string }[]) => list.map((p) => [p.personA, p.personB]);
      expect(keys(await pairs.listForPerson(TENANT_A, 'oid-megan'))).toEqual([
        ['oid-adele', 'oid-megan'],
        ['oid-alex', 'oid-megan'],
      ]);
      expect(keys(await pairs.listForPerson(TENANT_A, 'oid-alex'))).toEqual([
        ['oid-alex', 'oid-megan'],
        ['oid-alex', 'oid-zoe'],
      ]);
      expect(await pairs.listForPerson(TENANT_A, 'oid-lee')).toEqual([]);
    });

    it("pages a tenant's pairs by (person A, person B), after the given pair", async () => {
      const { pairs } = await create();
      for (const [one, two] of [
        ['u3', 'u1'],
        ['u1', 'u2'],
        ['u2', 'u3'],
        ['u1', 'u4'],
        ['u10', 'u2'],
      ] as const) {
        await pairs.recordHeld(aHeldMeeting({ organizerId: one, partnerId: two, meetingId: `${one}-${two}` }));
      }
      await pairs.recordHeld(aHeldMeeting({ tenantId: TENANT_B, organizerId: 'u0', partnerId: 'u1' }));
      const keys = (list: { personA: string; personB: string }[]) => list.map((p) => `${p.personA}+${p.personB}`);
      // Byte order: u1 < u10 < u2.
      const first = await pairs.listPage(TENANT_A, null, 2);
      expect(keys(first)).toEqual(['u1+u2', 'u1+u3']);
      const second = await pairs.listPage(TENANT_A, first[1]!, 2);
      expect(keys(second)).toEqual(['u1+u4', 'u10+u2']);
      const third = await pairs.listPage(TENANT_A, second[1]!, 2);
      expect(keys(third)).toEqual(['u2+u3']);
      expect(await pairs.listPage(TENANT_A, third[0]!, 2)).toEqual([]);
      expect(keys(await pairs.listPage(TENANT_A, { personA: 'u1', personB: 'u25' }, 10))).toEqual([
        'u1+u3',
        'u1+u4',
        'u10+u2',
        'u2+u3',
      ]);
      expect(keys(await pairs.listPage(TENANT_B, null, 10))).toEqual(['u0+u1']);
      expect(await failureOf(pairs.listPage(TENANT_A, null, 0))).toBe('invalid_argument');
    });

    it("sets and clears a pair's own rhythm, in either order, and creates no pair", async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      expect(await pairs.setRhythm(TENANT_A, 'oid-megan', 'oid-alex', 21, at('2026-11-24T09:00:00Z'))).toBe(true);
      expect(await pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toMatchObject({
        rhythmDays: 21,
        updatedAt: at('2026-11-24T09:00:00Z'),
      });
      expect(await pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-megan', null, at('2026-11-25T09:00:00Z'))).toBe(true);
      expect((await pairs.get(TENANT_A, 'oid-alex', 'oid-megan'))?.rhythmDays).toBeNull();
      expect(await pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-adele', 14, at('2026-11-25T09:00:00Z'))).toBe(false);
      expect(await pairs.setRhythm(TENANT_B, 'oid-alex', 'oid-megan', 14, at('2026-11-25T09:00:00Z'))).toBe(false);
      expect(await pairs.get(TENANT_A, 'oid-alex', 'oid-adele')).toBeUndefined();
      expect(await failureOf(pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-megan', 0, at('2026-11-25T09:00:00Z')))).toBe(
        'constraint',
      );
    });

    it('keeps the rhythm and the last nudge when later meetings are recorded', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      await pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-megan', 10, at('2026-11-24T09:00:00Z'));
      await pairs.markNudged(TENANT_A, 'oid-alex', 'oid-megan', at('2026-12-05T09:00:00Z'), null);
      await pairs.recordHeld(
        aHeldMeeting({ meetingId: 'meeting-2', start: at('2026-12-06T10:00:00Z'), end: at('2026-12-06T11:00:00Z') }),
      );
      expect(await pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toMatchObject({
        rhythmDays: 10,
        lastNudgeAt: at('2026-12-05T09:00:00Z'),
        lastHeldMeetingId: 'meeting-2',
      });
    });

    it('notes a nudge only on the last nudge the caller read: a second scan on the same one loses', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      const first = at('2026-12-08T09:00:00Z');
      expect(await pairs.markNudged(TENANT_A, 'oid-megan', 'oid-alex', first, null)).toBe(true);
      expect(await pairs.markNudged(TENANT_A, 'oid-alex', 'oid-megan', at('2026-12-08T09:00:01Z'), null)).toBe(false);
      expect(await pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toMatchObject({
        lastNudgeAt: first,
        updatedAt: first,
      });
      const second = at('2026-12-22T09:00:00Z');
      const racing = await Promise.all([
        pairs.markNudged(TENANT_A, 'oid-alex', 'oid-megan', second, first),
        pairs.markNudged(TENANT_A, 'oid-alex', 'oid-megan', second, first),
      ]);
      expect(racing.filter(Boolean)).toHaveLength(1);
      expect((await pairs.get(TENANT_A, 'oid-alex', 'oid-megan'))?.lastNudgeAt).toEqual(second);
      expect(await pairs.markNudged(TENANT_A, 'oid-alex', 'oid-adele', second, null)).toBe(false);
      expect(await pairs.markNudged(TENANT_B, 'oid-alex', 'oid-megan', second, first)).toBe(false);
    });

    it('hands out copies: changing a returned pair does not change the stored one', async () => {
      const { pairs } = await create();
      await pairs.recordHeld(aHeldMeeting());
      const read = (await pairs.get(TENANT_A, 'oid-alex', 'oid-megan'))!;
      read.organizedByA = 99;
      read.lastHeldEnd.setUTCFullYear(2030);
      const again = await pairs.get(TENANT_A, 'oid-alex', 'oid-megan');
      expect(again?.organizedByA).toBe(1);
      expect(again?.lastHeldEnd).toEqual(at('2026-11-23T10:45:00Z'));
    });
  });
}
