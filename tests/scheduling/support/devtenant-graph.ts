import type { Stack } from '../../support/stack.ts';

/** The parts of a Graph event these tests look at (docs/reference/graph-calendar.md §3). */
export interface GraphEvent {
  id: string;
  subject: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  iCalUId: string;
  seriesMasterId?: string | null;
  transactionId?: string | null;
  isCancelled: boolean;
  isOrganizer: boolean;
  isOnlineMeeting: boolean;
  isAllDay: boolean;
  showAs: string;
  onlineMeeting?: { joinUrl?: string } | null;
  location?: { displayName?: string } | null;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string; name?: string }; status: { response: string } }[];
  organizer: { emailAddress: { address: string } };
  responseStatus: { response: string };
  recurrence: {
    pattern: { type: string; interval: number; daysOfWeek?: string[]; dayOfMonth?: number };
    range: { type: string; numberOfOccurrences?: number; startDate: string };
  } | null;
}

/**
 * devtenant's Graph as Confer's app registration (client credentials), to look at calendars independently
 * of the code under test — and to put busy time on people's calendars before a test asks for availability.
 */
export function devtenantGraph(stack: Stack) {
  let token: string | undefined;
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    token ??= await stack.appGraphToken();
    let response: Response;
    // The tests' own look at devtenant goes through the same injected throttling: wait as Graph asks.
    for (let attempt = 1; ; attempt++) {
      response = await stack.trustedFetch(`${stack.devtenant.url}/v1.0${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          prefer: 'outlook.timezone="UTC"',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 429 || attempt === 10) break;
      await response.body?.cancel();
      const wait = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((done) => setTimeout(done, wait * 1000));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`devtenant Graph ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };

  /** Every event (single, occurrence, exception) in a window, following nextLinks. */
  const calendarView = async (userId: string, start: Date, end: Date): Promise<GraphEvent[]> => {
    const query = new URLSearchParams({
      startDateTime: start.toISOString(),
      endDateTime: end.toISOString(),
      $top: '200',
    });
    let path: string | null = `/users/${userId}/calendarView?${query}`;
    const events: GraphEvent[] = [];
    while (path) {
      const page: { value: GraphEvent[]; '@odata.nextLink'?: string } = await send('GET', path);
      events.push(...page.value);
      const next = page['@odata.nextLink'];
      path = next ? next.slice(next.indexOf('/v1.0') + '/v1.0'.length) : null;
    }
    return events;
  };

  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown) => send<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
    delete: (path: string) => send<null>('DELETE', path),
    calendarView,
    /** Events whose subject is exactly `subject` in a window (test titles are unique per test). */
    async withSubject(userId: string, subject: string, start: Date, end: Date): Promise<GraphEvent[]> {
      return (await calendarView(userId, start, end)).filter((e) => e.subject === subject);
    },
    /** One meeting's copies in a window, by iCalUId (a cancelled copy's subject gains "Canceled: "). */
    async withICalUId(userId: string, iCalUId: string, start: Date, end: Date): Promise<GraphEvent[]> {
      return (await calendarView(userId, start, end)).filter((e) => e.iCalUId === iCalUId);
    },
    /**
     * Series masters and single events on a mailbox (`/events` lists no occurrences,
     * docs/reference/graph-calendar.md §3).
     */
    async masters(userId: string): Promise<GraphEvent[]> {
      const events: GraphEvent[] = [];
      let path: string | null = `/users/${userId}/events?$top=200`;
      while (path) {
        const page: { value: GraphEvent[]; '@odata.nextLink'?: string } = await send('GET', path);
        events.push(...page.value);
        const next = page['@odata.nextLink'];
        path = next ? next.slice(next.indexOf('/v1.0') + '/v1.0'.length) : null;
      }
      return events;
    },
    /** Puts an event straight on someone's calendar (no Confer involved). */
    createEvent: (userId: string, event: Record<string, unknown>) =>
      send<GraphEvent>('POST', `/users/${userId}/events`, event),
  };
}

export type DevtenantGraph = ReturnType<typeof devtenantGraph>;

/** A Graph `dateTime` in UTC (as asked with Prefer: outlook.timezone="UTC") as an instant. */
export function utcInstant(value: { dateTime: string }): Date {
  return new Date(`${value.dateTime.replace(/Z$/, '')}Z`);
}
