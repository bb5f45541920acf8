import type { PersonMatch, TimeSlot } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardElement, type CardLanguage, createCard, executeAction } from './adaptive-card.ts';
import { plainText } from './plain-text.ts';

export interface ScheduleCardView {
  tenantId: string;
  person: PersonMatch;
  durationMinutes: number;
  slots: readonly TimeSlot[];
  /** The organizer's zone: times are shown and booked in it. */
  timeZone: string;
  /** Some calendar could not be read, so the times may clash. */
  unreadable: boolean;
  /** `{tabUrl}/#/schedule?with=<email>`: the full scheduler with this person picked. */
  scheduleUrl: string;
}

/** `schedule with <name>`: three mutual times, each one click from a Teams meeting, and the tab. */
export function buildScheduleCard(view: ScheduleCardView, text: BotText): AdaptiveCard {
  const intro: CardElement = view.slots.length
    ? { type: 'TextBlock', text: text.schedule.intro(view.durationMinutes), wrap: true }
    : { type: 'TextBlock', text: text.schedule.none, wrap: true };
  return createCard(
    text,
    [
      {
        type: 'TextBlock',
        text: text.schedule.title(plainText(view.person.name)),
        wrap: true,
        size: 'Medium',
        weight: 'Bolder',
      },
      intro,
      ...(view.unreadable
        ? [{ type: 'TextBlock' as const, text: text.schedule.unreadable, wrap: true as const, isSubtle: true }]
        : []),
    ],
    [
      ...view.slots.map((slot) =>
        executeAction(text.slot(slot.start, slot.end, view.timeZone), 'schedule', {
          tenantId: view.tenantId,
          with: view.person.email,
          withName: view.person.name,
          start: slot.start.toISOString(),
          end: slot.end.toISOString(),
        }),
      ),
      { type: 'Action.OpenUrl', title: text.meeting.openInConfer, url: view.scheduleUrl },
    ],
  );
}

/** The tab's scheduler with a person already chosen. */
export function scheduleUrl(tabUrl: string, email: string): string {
  return scheduleWithUrl(tabUrl, [email]);
}

/** The tab's scheduler with these people chosen (`#/schedule?with=a@x,b@x`), or empty. */
export function scheduleWithUrl(tabUrl: string, emails: readonly string[]): string {
  const base = `${tabUrl.replace(/\/+$/, '')}/#/schedule`;
  return emails.length ? `${base}?with=${emails.map(encodeURIComponent).join(',')}` : base;
}

/** A plain answer card (no match, several matches, usage). */
export function buildNoticeCard(
  message: string,
  link: { title: string; url: string } | null,
  text: CardLanguage,
): AdaptiveCard {
  return createCard(
    text,

    [{ type: 'TextBlock', text: message, wrap: true }],
    link ? [{ type: 'Action.OpenUrl', title: link.title, url: link.url }] : [],
  );
}
