import type { AvailabilityResponse, ErrorBody, ErrorCode, MeetingDto } from '@confer/contracts';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { ApiAnswer, apiAs } from '../../support/api-client.ts';

export const DOMAIN = 'contoso.onmicrosoft.com';

/** A seed person's address (`<alias>@contoso.onmicrosoft.com`, devtenant/src/directory/seed-people.ts). */
export function mail(alias: string): string {
  return `${alias}@${DOMAIN}`;
}

export type Api = ReturnType<typeof apiAs>;
export type AvailabilityPerson = AvailabilityResponse['people'][number];
type WorkingHours = NonNullable<AvailabilityPerson['workingHours']>;

/** Asserts an API answer's status and returns its body, showing the body when the status is wrong. */
export function bodyOf<T>(answer: ApiAnswer<unknown>, status: number): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as T;
}

/** Asserts a refusal: the status and the machine-readable code of `{ error: { code } }`. */
export function expectError(answer: ApiAnswer<unknown>, status: number, code: ErrorCode): ErrorBody['error'] {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const error = (answer.body as ErrorBody).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/** Whether [start, end) lies inside one working day of these hours, read in their own zone. */
export function insideWorkingHours(start: Date, end: Date, hours: WorkingHours): boolean {
  const from = DateTime.fromJSDate(start, { zone: hours.timeZone });
  const to = DateTime.fromJSDate(end, { zone: hours.timeZone });
  if (!from.isValid || !to.isValid) throw new Error(`Unknown zone ${hours.timeZone}`);
  if (!hours.days.includes(from.setLocale('en').weekdayLong?.toLowerCase() ?? '')) return false;
  const dayStart = from.startOf('day');
  const [startHour, startMinute] = hours.start.split(':').map(Number) as [number, number];
  const [endHour, endMinute] = hours.end.split(':').map(Number) as [number, number];
  const open = dayStart.set({ hour: startHour, minute: startMinute });
  const close = dayStart.set({ hour: endHour, minute: endMinute });
  return from >= open && to <= close;
}

export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Blocks that make a person unavailable when tentative counts as busy (the API's default). */
export function blockingBlocks(person: AvailabilityPerson): { start: Date; end: Date; status: string }[] {
  return person.blocks
    .filter((b) => b.status === 'busy' || b.status === 'tentative' || b.status === 'oof')
    .map((b) => ({ start: new Date(b.start), end: new Date(b.end), status: b.status }));
}

/** My meetings as the list shows them. */
export async function listMeetings(api: Api, scope: 'upcoming' | 'past' = 'upcoming'): Promise<MeetingDto[]> {
  return bodyOf<{ meetings: MeetingDto[] }>(await api.get(`/api/meetings?scope=${scope}&limit=100`), 200).meetings;
}

/** A title no other test uses, so devtenant's calendars can be searched for it. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}
