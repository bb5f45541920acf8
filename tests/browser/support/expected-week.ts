import { type WeekEvent, type WeekResponse, weekResponseSchema } from '@confer/contracts';
import type { Stack } from '../../support/stack.ts';

/** The week as the API answers it for this person, fetched with the test's own Teams-SSO-shaped token. */
export async function apiWeekFor(stack: Stack, userId: string): Promise<WeekResponse> {
  const token = await stack.tabTokenFor(userId);
  const response = await fetch(`${stack.appUrl}/api/me/week`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/me/week answered ${response.status}: ${await response.text()}`);
  return weekResponseSchema.parse(await response.json());
}

/** Subjects devtenant's Graph itself holds for the person in the window (occurrences, not series masters). */
export async function graphSubjects(stack: Stack, userId: string, window: WeekResponse['window']): Promise<string[]> {
  const token = await stack.appGraphToken();
  const url = new URL(`${stack.devtenant.url}/v1.0/users/${userId}/calendarView`);
  url.searchParams.set('startDateTime', window.start);
  url.searchParams.set('endDateTime', window.end);
  url.searchParams.set('$top', '200');
  url.searchParams.set('$select', 'subject,type');
  const subjects: string[] = [];
  for (let next: string | undefined = url.href; next; ) {
    const response = await stack.trustedFetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`Graph calendarView answered ${response.status}`);
    const page = (await response.json()) as { value: { subject: string; type: string }[]; '@odata.nextLink'?: string };
    subjects.push(...page.value.filter((e) => e.type !== 'seriesMaster').map((e) => e.subject));
    next = page['@odata.nextLink'];
  }
  return subjects;
}

export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

export interface ExpectedCard {
  readonly subject: string;
  /** Local calendar date in the mailbox zone. */
  readonly dateKey: string;
  /** Start and end as en-GB 24-hour times in the mailbox zone, e.g. "09:00". */
  readonly startText: string;
  readonly endText: string;
}

/**
 * Timed events that start and end on the same local day, with their times worked out here independently of the
 * tab's own code (Intl in the test process, en-GB, the person's mailbox zone).
 */
export function sameDayTimedCards(week: WeekResponse): ExpectedCard[] {
  const zone = week.user.timeZone;
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const lastMinute = (event: WeekEvent) => new Date(Date.parse(event.end) - 60_000);
  return week.events
    .filter((event) => !event.isAllDay && Date.parse(event.end) > Date.parse(event.start))
    .filter((event) => date.format(new Date(event.start)) === date.format(lastMinute(event)))
    .filter((event) => Date.parse(event.start) >= Date.parse(week.window.start))
    .map((event) => ({
      subject: event.subject,
      dateKey: date.format(new Date(event.start)),
      startText: time.format(new Date(event.start)),
      endText: time.format(new Date(event.end)),
    }));
}
