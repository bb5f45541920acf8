import { DateTime } from 'luxon';
import type { BusyBlock, FreeBusyStatus, Interval } from '../model.ts';
import type { Random } from './seeded-random.ts';

export interface RandomCalendarOptions {
  zone: string;
  window: Interval;
  /** One-off events per local day, spread over 07:00–20:00 local. */
  eventsPerDay: number;
  /** Daily recurring items (a stand-up, a focus block), already expanded as getSchedule returns them. */
  recurringPerDay: number;
  /** Chance per day of an all-day out-of-office. */
  allDayOofChance: number;
}

const STATUSES: readonly FreeBusyStatus[] = [
  'busy',
  'busy',
  'busy',
  'busy',
  'busy',
  'tentative',
  'tentative',
  'oof',
  'workingElsewhere',
  'free',
];

/**
 * A plausible, dense calendar: recurring items at the same local time every weekday, one-off events of
 * mixed statuses (some of them Confer meetings), and the odd all-day absence — sometimes given in UTC,
 * as getSchedule reports all-day items in the request's zone.
 */
export function randomCalendar(random: Random, options: RandomCalendarOptions): BusyBlock[] {
  const { zone } = options;
  const recurring = Array.from({ length: options.recurringPerDay }, () => ({
    minute: random.int(8 * 4, 17 * 4) * 15,
    length: random.pick([15, 30, 45, 60]),
  }));
  const blocks: BusyBlock[] = [];
  const last = DateTime.fromJSDate(options.window.end, { zone });
  for (
    let day = DateTime.fromJSDate(options.window.start, { zone }).startOf('day');
    day < last;
    day = day.plus({ days: 1 })
  ) {
    if (random.chance(options.allDayOofChance)) {
      const allDay = random.chance(0.5)
        ? day
        : DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: 'UTC' });
      blocks.push({ start: allDay.toJSDate(), end: allDay.plus({ days: 1 }).toJSDate(), status: 'oof' });
    }
    if (day.weekday <= 5) {
      for (const item of recurring) blocks.push(localBlock(day, item.minute, item.length, 'busy'));
    }
    for (let i = 0; i < options.eventsPerDay; i++) {
      const block = localBlock(
        day,
        random.int(7 * 12, 20 * 12) * 5,
        random.pick([15, 30, 45, 60, 90]),
        random.pick(STATUSES),
      );
      if (random.chance(0.1)) block.isConferMeeting = true;
      blocks.push(block);
    }
  }
  return blocks;
}

function localBlock(day: DateTime, minute: number, length: number, status: FreeBusyStatus): BusyBlock {
  const start = day.plus({ minutes: minute });
  return { start: start.toJSDate(), end: start.plus({ minutes: length }).toJSDate(), status };
}
