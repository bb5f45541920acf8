import { DateTime } from 'luxon';
import type {
  BusyBlock,
  CalendarReadStatus,
  FreeBusyStatus,
  PersonAvailability,
  SlotRequest,
  WorkingHours,
} from '../model.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** A local wall-clock time (`2026-03-09T08:00`) in a zone, as an instant. */
export function local(zone: string, wallClock: string): Date {
  const time = DateTime.fromISO(wallClock, { zone });
  if (!time.isValid) throw new RangeError(`Bad local time ${wallClock} in ${zone}`);
  return time.toJSDate();
}

export function utc(iso: string): Date {
  return new Date(iso.endsWith('Z') ? iso : `${iso}Z`);
}

export function hours(timeZone: string, start: string, end: string): WorkingHours {
  return { days: WEEKDAYS, start, end, timeZone };
}

export function block(
  start: Date,
  end: Date,
  status: FreeBusyStatus = 'busy',
  extra: Partial<BusyBlock> = {},
): BusyBlock {
  return { start, end, status, ...extra };
}

export interface PersonOptions {
  email?: string;
  workingHours?: WorkingHours | null;
  blocks?: BusyBlock[];
  status?: CalendarReadStatus;
}

export function person(displayName: string, timeZone: string, options: PersonOptions = {}): PersonAvailability {
  const email = options.email ?? `${displayName.split(' ')[0]!.toLowerCase()}@contoso.onmicrosoft.com`;
  return {
    person: { userId: null, email, displayName },
    status: options.status ?? 'ok',
    timeZone,
    workingHours: options.workingHours === undefined ? hours(timeZone, '09:00', '17:00') : options.workingHours,
    blocks: options.blocks ?? [],
  };
}

export function slotRequest(overrides: Partial<SlotRequest> & Pick<SlotRequest, 'window' | 'people'>): SlotRequest {
  return {
    durationMinutes: 30,
    notBefore: overrides.window.start,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    maxMeetingsPerDay: null,
    tentativeIsBusy: true,
    stepMinutes: 15,
    maxSuggestions: 5,
    recurrence: null,
    ...overrides,
  };
}

/** Organizer in London, colleagues in New York and Kolkata: the cross-zone, split-DST trio. */
export function londonNewYorkKolkata(
  blocks: { megan?: BusyBlock[]; alex?: BusyBlock[]; priya?: BusyBlock[] } = {},
  kolkataHours: [string, string] = ['10:00', '19:00'],
): PersonAvailability[] {
  return [
    person('Megan Bowen', 'Europe/London', {
      workingHours: hours('Europe/London', '09:00', '17:30'),
      blocks: blocks.megan ?? [],
    }),
    person('Alex Wilber', 'America/New_York', {
      workingHours: hours('America/New_York', '08:00', '17:00'),
      blocks: blocks.alex ?? [],
    }),
    person('Priya Sharma', 'Asia/Kolkata', {
      email: 'priya.sharma@fabrikam.example',
      workingHours: hours('Asia/Kolkata', ...kolkataHours),
      blocks: blocks.priya ?? [],
    }),
  ];
}
