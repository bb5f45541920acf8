import type { Stack } from '../../support/stack.ts';

export interface GraphEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting?: { joinUrl?: string } | null;
  attendees: { emailAddress: { address: string } }[];
}

/** The organizer's Outlook calendar as devtenant's Graph holds it: the events with this subject (the real outcome). */
export async function graphEventsTitled(stack: Stack, userId: string, subject: string): Promise<GraphEvent[]> {
  const token = await stack.appGraphToken();
  const url = new URL(`${stack.devtenant.url}/v1.0/users/${userId}/events`);
  url.searchParams.set('$top', '200');
  const found: GraphEvent[] = [];
  for (let next: string | undefined = url.href; next; ) {
    const response = await stack.trustedFetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`Graph events answered ${response.status}`);
    const page = (await response.json()) as { value: GraphEvent[]; '@odata.nextLink'?: string };
    found.push(...page.value.filter((e) => e.subject === subject));
    next = page['@odata.nextLink'];
  }
  return found;
}
