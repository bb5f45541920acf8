import type { CalendarReadStatus } from '../../domain/scheduling/model.ts';

/** What to tell the organizer about a calendar Confer cannot read, and what to do about it. One place, to translate. */
export function unreadableMessage(status: CalendarReadStatus, name: string): string | null {
  switch (status) {
    case 'ok':
      return null;
    case 'not_connected':
      return `${name} hasn't connected their calendar to Confer. Ask them to open Confer in Teams once.`;
    case 'consent_required':
      return `Confer needs permission to read ${name}'s calendar. ${name} or an admin can grant it.`;
    case 'outside_access_policy':
      return `${name} is outside the group your admin allowed Confer to use. Ask your Teams admin to add them.`;
    case 'mailbox_not_enabled':
      return `${name} has no Outlook calendar (no Exchange Online mailbox), so their free time is unknown.`;
    case 'external':
      return `${name} is outside your organisation, so Confer can't see their calendar. They still get the invitation.`;
    case 'unknown':
      return `Confer couldn't read ${name}'s calendar just now. Their free time is unknown; try again later.`;
  }
}
