import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDraft, EventRecord } from '../../api/src/ports/scheduling-gateway.ts';
import { at, email, type GraphHarness, mailbox, nextWeek, startGraphHarness } from './graph-harness.ts';

const YEAR = { days: 400 };

describe('recurring meetings through the gateway (devtenant)', () => {
  let h: GraphHarness;
  let monday: Date;
  beforeAll(async () => {
    h = await startGraphHarness();
    monday = nextWeek(h.devtenant, 2);
  });
  afterAll(async () => {
    await h?.close();
  });

  const series = (kind: 'weekly' | 'biweekly' | 'monthly', count: number, start: Date): EventDraft => ({
    subject: `Series ${kind}`,
    bodyHtml: '<p>Regular check-in</p>',
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    timeZone: 'Europe/London',
    attendees: [{ email: email('lynner'), name: 'Lynne Robbins', type: 'required' }],
    online: true,
    location: null,
    recurrence: { kind, count },
    transactionId: randomUUID(),
    allowNewTimeProposals: true,
  });

  const instancesOf = async (master: EventRecord) =>
    h.gateway.listInstances(h.appActor, mailbox('alexw'), master.id, {
      start: new Date(master.start.getTime() - 86_400_000),
      end: DateTime.fromJSDate(master.start).plus(YEAR).toJSDate(),
    });

  const londonTimes = (events: readonly EventRecord[]) =>
    events.map((e) => DateTime.fromJSDate(e.start, { zone: 'Europe/London' }).toFormat('ccc yyyy-MM-dd HH:mm'));

  it('creates weekly, every-two-weeks and monthly series at the same London time, across DST', async () => {
    // 10:00 London on the Tuesday 12 days before the clocks go forward (last Sunday of March next year), so
    // every series crosses the change; expected occurrences are London wall-clock times computed with luxon.
    const year = DateTime.fromJSDate(h.devtenant.clock.now()).year + 1;
    const lastSunday = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/London' });
    const dstDay = lastSunday.minus({ days: lastSunday.weekday % 7 });
    const start = dstDay.minus({ days: 12 }).set({ hour: 10 }).toJSDate();
    expect(DateTime.fromJSDate(start, { zone: 'Europe/London' }).weekday).toBe(2);
    const cases = [
      ['weekly', 6, { weeks: 1 }],
      ['biweekly', 5, { weeks: 2 }],
      ['monthly', 4, { months: 1 }],
    ] as const;
    for (const [kind, count, step] of cases) {
      const master = await h.gateway.createEvent(h.appActor, mailbox('alexw'), series(kind, count, start));
      expect(master.type).toBe('seriesMaster');
      expect(master.joinUrl).toMatch(/meetup-join/);
      const occurrences = await instancesOf(master);
      const first = DateTime.fromJSDate(start, { zone: 'Europe/London' });
      const expected = Array.from({ length: count }, (_, i) =>
        first
          .plus(Object.fromEntries(Object.entries(step).map(([k, v]) => [k, v * i])))
          .toFormat('ccc yyyy-MM-dd HH:mm'),
      );
      expect(londonTimes(occurrences), kind).toEqual(expected);
      // Same local time, another UTC hour once London is on summer time.
      expect(new Set(occurrences.map((o) => o.start.getUTCHours()))).toEqual(new Set([10, 9]));
      expect(occurrences.every((o) => o.seriesMasterId === master.id)).toBe(true);
      // The reconciler's lookup after a crash finds the series by its create's transactionId: the master.
      const found = await h.gateway.findEventByTransactionId(h.appActor, mailbox('alexw'), master.transactionId ?? '', {
        start: new Date(start.getTime() - 86_400_000),
        end: new Date(start.getTime() + 86_400_000),
      });
      expect(found?.id).toBe(master.id);
    }
  });

  it('moves one occurrence and cancels another, leaving the rest of the series as it was', async () => {
    const start = DateTime.fromJSDate(at(monday, 3, 0), { zone: 'Europe/London' })
      .set({ hour: 11 })
      .toJSDate();
    const master = await h.gateway.createEvent(h.appActor, mailbox('alexw'), series('weekly', 4, start));
    const [first, second, third, fourth] = await instancesOf(master);
    if (!first || !second || !third || !fourth) throw new Error('expected four occurrences');

    const moved = await h.gateway.updateEvent(
      h.appActor,
      mailbox('alexw'),
      second.id,
      {
        start: new Date(second.start.getTime() + 3_600_000),
        end: new Date(second.end.getTime() + 3_600_000),
        bodyHtml: '<p>Moved</p>',
      },
      second.changeKey,
    );
    expect(moved.type).toBe('exception');
    expect(moved.joinUrl).toBe(master.joinUrl);
    await h.gateway.cancelEvent(h.appActor, mailbox('alexw'), third.id, 'Off that week');

    const after = await instancesOf(master);
    expect(after.map((o) => o.start.toISOString())).toEqual([
      first.start.toISOString(),
      new Date(second.start.getTime() + 3_600_000).toISOString(),
      fourth.start.toISOString(),
    ]);
    const stillMaster = await h.gateway.getEvent(h.appActor, mailbox('alexw'), master.id);
    expect(stillMaster?.type).toBe('seriesMaster');
    // Lynne's copy of the series follows: the cancelled week is gone from her instances too.
    const copy = await h.gateway.findEventByICalUId(h.appActor, mailbox('lynner'), master.iCalUId, {
      start: at(monday, 0, 0),
      end: at(monday, 40, 0),
    });
    expect(copy?.type).toBe('seriesMaster');
  });

  it('cancels a whole series', async () => {
    const start = DateTime.fromJSDate(at(monday, 4, 0), { zone: 'Europe/London' })
      .set({ hour: 9 })
      .toJSDate();
    const master = await h.gateway.createEvent(h.appActor, mailbox('alexw'), series('biweekly', 3, start));
    await h.gateway.cancelEvent(h.appActor, mailbox('alexw'), master.id, 'Programme ended');
    expect(await h.gateway.getEvent(h.appActor, mailbox('alexw'), master.id)).toBeNull();
  });
});
