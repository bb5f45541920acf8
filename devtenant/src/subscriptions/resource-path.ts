import { GraphHttpError } from '../graph/context.ts';

/**
 * Event resources Graph accepts for subscriptions (docs/reference/graph-calendar.md §4): `/me/events`,
 * `/users/{id}/events` and their primary-calendar forms `/me/calendar/events`, `/users/{id}/calendar/events`. The
 * mailbox segment may be `me`, an object id or a UPN; `users('{id}')` is Graph's key syntax.
 */
const RESOURCE_PATTERN = /^\/?(?:(me)|users\/([^/()]+)|users\('([^/']+)'\))\/(?:calendar\/)?events$/i;

export function parseEventResource(resource: string): { mailbox: string } {
  if (resource.includes('?')) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      'Query options on the resource are only supported for subscriptions that include resource data, which devtenant does not offer.',
    );
  }
  const match = RESOURCE_PATTERN.exec(resource.trim());
  if (!match) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      `Resource '${resource}' is not supported. Use /me/events, /users/{id}/events or /users/{id}/calendar/events.`,
    );
  }
  if (match[1]) return { mailbox: 'me' };
  return { mailbox: decodeURIComponent((match[2] ?? match[3])!) };
}

/** Graph names the changed item this way in notifications (`Users/{userId}/Events/{eventId}`). */
export function notificationResourceFor(mailboxId: string, eventId: string): string {
  return `Users/${mailboxId}/Events/${eventId}`;
}
