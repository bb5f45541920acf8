import type { DirectoryUser } from '../../graph/context.ts';
import type { SeedWindow } from './seed-series.ts';
import type { SeedWriter } from './seed-writer.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Personal recurring items: daily planning (daily), focus blocks, expense day (absoluteMonthly), anniversary (absoluteYearly), WFH Fridays. */
export function seedPersonalSeries(
  w: SeedWriter,
  user: DirectoryUser,
  window: SeedWindow,
  random: SeededRandom,
  rich: boolean,
): void {
  const today = w.today(user);
  if (rich || random.chance(0.5)) {
    w.create(user, {
      subject: 'Plan the day',
      showAs: 'free',
      isReminderOn: false,
      start: w.at(user, window.seriesStart, '08:30'),
      end: w.at(user, window.seriesStart, '08:45'),
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: window.seriesStart, numberOfOccurrences: 70 },
      },
    });
  }
  if (rich) {
    w.create(user, {
      subject: 'Focus time',
      categories: ['Focus'],
      start: w.at(user, window.seriesStart, '15:00'),
      end: w.at(user, window.seriesStart, '16:30'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday', 'thursday'] },
        range: { type: 'noEnd', startDate: window.seriesStart },
      },
    });
    const expenseDay = random.int(20, 28);
    w.create(user, {
      subject: 'Submit expense report',
      showAs: 'free',
      isAllDay: true,
      start: w.at(user, today.minus({ months: 1 }).set({ day: expenseDay }).toISODate() as string, '00:00'),
      end: w.at(
        user,
        today.minus({ months: 1 }).set({ day: expenseDay }).plus({ days: 1 }).toISODate() as string,
        '00:00',
      ),
      recurrence: {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: expenseDay },
        range: {
          type: 'endDate',
          startDate: today.minus({ months: 1 }).set({ day: expenseDay }).toISODate() as string,
          endDate: today.plus({ years: 1 }).toISODate() as string,
        },
      },
    });
  }
  if (random.chance(0.4)) {
    const anniversary = today.plus({ days: random.int(-20, 25) });
    w.create(user, {
      subject: 'Work anniversary',
      showAs: 'free',
      isAllDay: true,
      start: w.at(user, anniversary.toISODate() as string, '00:00'),
      end: w.at(user, anniversary.plus({ days: 1 }).toISODate() as string, '00:00'),
      recurrence: {
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: anniversary.day, month: anniversary.month },
        range: { type: 'noEnd', startDate: anniversary.toISODate() as string },
      },
    });
  }
  if (random.chance(rich ? 0.5 : 0.3)) {
    const friday = today.minus({ weeks: 4 }).startOf('week').plus({ days: 4 });
    w.create(user, {
      subject: 'Working from home',
      showAs: 'workingElsewhere',
      isAllDay: true,
      isReminderOn: false,
      start: w.at(user, friday.toISODate() as string, '00:00'),
      end: w.at(user, friday.plus({ days: 1 }).toISODate() as string, '00:00'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] },
        range: { type: 'noEnd', startDate: friday.toISODate() as string },
      },
    });
  }
}
