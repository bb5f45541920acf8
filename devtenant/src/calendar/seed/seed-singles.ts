import type { DateTime } from 'luxon';
import type { DirectoryUser } from '../../graph/context.ts';
import type { SeedWriter } from './seed-writer.ts';
import type { SeededRandom } from './seeded-random.ts';

const SUBJECTS = [
  'Project Falcon review',
  'Customer escalation follow-up',
  'Budget check-in',
  'Design critique',
  'Hiring loop debrief',
  'Quarterly roadmap',
  'Partner sync: Fabrikam',
  'Security review',
  'Onboarding plan',
  'Release readiness',
  'Mentoring session',
  'Sales pipeline review',
  'Retro',
  'Coffee chat',
];
const ROOMS = [
  'Conf Room Adams',
  'Conf Room Baker',
  'Conf Room Crystal',
  'Conf Room Hood',
  'Conf Room Rainier',
  'Cafeteria',
];

function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Ad-hoc meetings with colleagues on working days across the window; `perDay` is the chance of one per day. */
export function seedAdHocMeetings(
  w: SeedWriter,
  user: DirectoryUser,
  colleagues: readonly DirectoryUser[],
  random: SeededRandom,
  perDay: number,
): void {
  const start = w.today(user).minus({ weeks: 4 });
  for (let offset = 0; offset < 56; offset++) {
    const day = start.plus({ days: offset });
    if (!isWorkingDay(day)) continue;
    const count = (random.chance(perDay) ? 1 : 0) + (random.chance(perDay / 3) ? 1 : 0);
    for (let n = 0; n < count; n++) seedOneMeeting(w, user, colleagues, random, day);
  }
}

function seedOneMeeting(
  w: SeedWriter,
  user: DirectoryUser,
  colleagues: readonly DirectoryUser[],
  random: SeededRandom,
  day: DateTime,
): void {
  const startMinutes = random.pick([540, 570, 630, 660, 690, 780, 810, 840, 870, 900, 930, 960]);
  const duration = random.pick([30, 30, 45, 60]);
  const date = day.toISODate() as string;
  const online = random.chance(0.7);
  const attendees = random.sample(
    colleagues.filter((c) => c.id !== user.id),
    random.int(1, 3),
  );
  w.create(
    user,
    {
      subject: random.pick(SUBJECTS),
      body: { contentType: 'html', content: '<p>Agenda to follow.</p>' },
      start: w.at(user, date, clock(startMinutes)),
      end: w.at(user, date, clock(startMinutes + duration)),
      showAs: random.chance(0.08) ? 'tentative' : 'busy',
      importance: random.chance(0.1) ? 'high' : 'normal',
      ...(online
        ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const }
        : { location: { displayName: random.pick(ROOMS) } }),
    },
    attendees,
  );
}

/** Out-of-office, private appointments, tentative holds and lunch: the single items of a realistic calendar. */
export function seedPersonalSingles(w: SeedWriter, user: DirectoryUser, random: SeededRandom, rich: boolean): void {
  const today = w.today(user);
  if (rich || random.chance(0.5)) {
    const off = today.plus({ days: random.int(-25, 25) });
    const days = random.int(1, 4);
    w.create(user, {
      subject: random.pick(['Vacation', 'Out of office', 'Conference travel']),
      showAs: 'oof',
      isAllDay: true,
      start: w.at(user, off.toISODate() as string, '00:00'),
      end: w.at(user, off.plus({ days }).toISODate() as string, '00:00'),
    });
  }
  const privateCount = rich ? 3 : random.int(0, 1);
  for (let n = 0; n < privateCount; n++) {
    const day = today.plus({ days: random.int(-20, 20) });
    if (!isWorkingDay(day)) continue;
    const startMinutes = random.pick([480, 720, 990]);
    w.create(user, {
      subject: random.pick(['Doctor appointment', 'School pick-up', 'Dentist', 'Personal errand']),
      sensitivity: 'private',
      location: { displayName: random.pick(['Harborview Clinic', 'Downtown', 'Home']) },
      start: w.at(user, day.toISODate() as string, clock(startMinutes)),
      end: w.at(user, day.toISODate() as string, clock(startMinutes + 60)),
    });
  }
  if (rich) {
    const day = today.plus({ days: random.int(1, 12) });
    w.create(user, {
      subject: 'Hold: Lunch & learn – Copilot tips',
      showAs: 'tentative',
      location: { displayName: 'Cafeteria' },
      start: w.at(user, day.toISODate() as string, '12:00'),
      end: w.at(user, day.toISODate() as string, '13:00'),
    });
  }
}
