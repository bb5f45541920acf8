import type { DirectoryUser } from '../../graph/context.ts';
import type { SeedWriter } from './seed-writer.ts';
import type { SeededRandom } from './seeded-random.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const ORDINALS = ['first', 'second', 'third', 'fourth'] as const;

export interface SeedWindow {
  /** Monday four weeks before now, `yyyy-MM-dd`: where the recurring series start. */
  seriesStart: string;
}

const teams = { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const };

/** Weekly team sync (weekly pattern, no end) plus a stand-up on weekdays ending after the window (endDate range). */
export function seedTeamSeries(
  w: SeedWriter,
  lead: DirectoryUser,
  team: readonly DirectoryUser[],
  window: SeedWindow,
  random: SeededRandom,
): void {
  const department = lead.department ?? 'Team';
  const day = random.pick(['monday', 'tuesday'] as const);
  const sync = w.create(
    lead,
    {
      subject: `${department} weekly sync`,
      body: { contentType: 'html', content: `<p>Weekly ${department} round-up: priorities, blockers, wins.</p>` },
      start: w.at(lead, window.seriesStart, '10:00'),
      end: w.at(lead, window.seriesStart, '10:45'),
      location: { displayName: `${lead.officeLocation ?? 'Main'} – Conference Room ${random.int(1, 9)}` },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: [day] },
        range: { type: 'noEnd', startDate: window.seriesStart },
      },
      ...teams,
    },
    team,
  );
  const movedWeek = w
    .today(lead)
    .plus({ weeks: 1 })
    .startOf('week')
    .plus({ days: day === 'monday' ? 0 : 1 });
  w.updateOccurrence(lead, sync, movedWeek.toISODate() as string, {
    start: w.at(lead, movedWeek.toISODate() as string, '11:00'),
    end: w.at(lead, movedWeek.toISODate() as string, '11:45'),
  });
  w.create(
    lead,
    {
      subject: 'Daily stand-up',
      start: w.at(lead, window.seriesStart, '09:15'),
      end: w.at(lead, window.seriesStart, '09:30'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: [...WEEKDAYS], firstDayOfWeek: 'monday' },
        range: {
          type: 'endDate',
          startDate: window.seriesStart,
          endDate: w.today(lead).plus({ weeks: 8 }).toISODate() as string,
        },
      },
      ...teams,
    },
    team,
  );
}

/** Fortnightly 1:1s between a lead and each report (weekly interval 2, numbered range); one occurrence cancelled. */
export function seedOneOnOnes(
  w: SeedWriter,
  lead: DirectoryUser,
  reports: readonly DirectoryUser[],
  window: SeedWindow,
): void {
  reports.forEach((report, index) => {
    const day = WEEKDAYS[(index + 1) % 5] as string;
    const time = `${String(13 + Math.floor(index / 2)).padStart(2, '0')}:${index % 2 === 0 ? '00' : '30'}`;
    const endTime = `${String(13 + Math.floor((index + 1) / 2)).padStart(2, '0')}:${index % 2 === 0 ? '30' : '00'}`;
    const series = w.create(
      lead,
      {
        subject: `${lead.givenName} / ${report.givenName} 1:1`,
        start: w.at(lead, window.seriesStart, time),
        end: w.at(lead, window.seriesStart, endTime),
        recurrence: {
          pattern: { type: 'weekly', interval: 2, daysOfWeek: [day as 'monday'], firstDayOfWeek: 'sunday' },
          range: { type: 'numbered', startDate: window.seriesStart, numberOfOccurrences: 12 },
        },
        ...teams,
      },
      [report],
    );
    if (index === 0 && series.recurrence) {
      const first = series.start.dateTime.slice(0, 10);
      w.deleteOccurrence(lead, series, first);
    }
  });
}

/** Monthly all-hands on the first Thursday (relativeMonthly) for everyone. */
export function seedAllHands(
  w: SeedWriter,
  host: DirectoryUser,
  everyone: readonly DirectoryUser[],
  window: SeedWindow,
): void {
  w.create(
    host,
    {
      subject: 'Contoso all hands',
      body: { contentType: 'html', content: '<p>Company news, customer stories and Q&amp;A.</p>' },
      start: w.at(host, window.seriesStart, '16:00'),
      end: w.at(host, window.seriesStart, '17:00'),
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'first' },
        range: { type: 'noEnd', startDate: window.seriesStart },
      },
      ...teams,
    },
    everyone,
  );
}

/** Annual planning offsite (relativeYearly) placed about ten days from now, for the team leads. */
export function seedOffsite(w: SeedWriter, host: DirectoryUser, leads: readonly DirectoryUser[]): void {
  const target = w.today(host).plus({ days: 10 });
  const weekday = target.setLocale('en-US').toFormat('cccc').toLowerCase() as 'monday';
  const ordinal = Math.floor((target.day - 1) / 7);
  const index = ordinal >= 4 ? 'last' : (ORDINALS[ordinal] as 'first');
  const date = target.toISODate() as string;
  w.create(
    host,
    {
      subject: 'Annual planning offsite',
      location: { displayName: 'Lakeside Conference Centre' },
      start: w.at(host, date, '09:00'),
      end: w.at(host, date, '17:00'),
      showAs: 'workingElsewhere',
      recurrence: {
        pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: [weekday], month: target.month, index },
        range: { type: 'noEnd', startDate: date },
      },
    },
    leads,
  );
}
