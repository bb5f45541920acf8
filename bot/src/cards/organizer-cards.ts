import type { MeetingCardView, MeetingResponse, TimeSlot } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type AdaptiveCard, createCard, executeAction, withRefresh } from './adaptive-card.ts';
import { meetingActionData } from './card-data.ts';
import type { CardContext } from './invitation-card.ts';
import {
  closedNotice,
  isClosed,
  meetingDetails,
  meetingLinks,
  outlookSubjectLine,
  whenLine,
} from './meeting-details.ts';
import { plainText } from './plain-text.ts';

/** The organizer's view of their meeting: everyone's answer so far. */
export function buildOrganizerCard(view: MeetingCardView, text: BotText, context: CardContext): AdaptiveCard {
  const closed = isClosed(view, context.now);
  const card = createCard(
    text,
    [...meetingDetails(view, text, { responses: true }), ...(closed ? [closedNotice(view, text)] : [])],
    meetingLinks(view, text, closed),
  );
  return withRefresh(card, { ...meetingActionData(view, context.tenantId), card: 'organizer' }, context.refreshUserIds);
}

/** The compact note an organizer gets for each answer. */
export function buildOrganizerUpdateCard(
  view: MeetingCardView,
  answer: { name: string; response: MeetingResponse; proposed: TimeSlot | null },
  text: BotText,
): AdaptiveCard {
  return createCard(
    text,
    [
      {
        type: 'TextBlock',
        text: text.organizerUpdate.answered(plainText(answer.name), answer.response, plainText(view.title)),
        wrap: true,
      },
      ...outlookSubjectLine(view, text),
      { type: 'TextBlock', text: whenLine(view, text), wrap: true, isSubtle: true, spacing: 'None' },
      ...(answer.proposed
        ? [
            {
              type: 'TextBlock' as const,
              text: text.organizerUpdate.proposed(text.slot(answer.proposed.start, answer.proposed.end, view.timeZone)),
              wrap: true as const,
            },
          ]
        : []),
    ],
    [{ type: 'Action.OpenUrl', title: text.meeting.openInConfer, url: view.webUrl }],
  );
}

/**
 * After a decline: three mutual times, each one click away from moving the same meeting (the Teams
 * link stays). The slots travel in the refresh data so a refresh rebuilds the same choice without
 * reading calendars again.
 */
export function buildRescheduleCard(
  view: MeetingCardView,
  decliner: string,
  slots: readonly TimeSlot[],
  text: BotText,
  context: CardContext,
): AdaptiveCard {
  const closed = isClosed(view, context.now);
  const data = meetingActionData(view, context.tenantId);
  const choices = closed ? [] : slots.filter((slot) => slot.start.getTime() > context.now.getTime());
  const card = createCard(
    text,
    [
      {
        type: 'TextBlock',
        text: text.reschedule.title(plainText(decliner), plainText(view.title)),
        wrap: true,
        weight: 'Bolder',
      },
      ...outlookSubjectLine(view, text),
      { type: 'TextBlock', text: whenLine(view, text), wrap: true, isSubtle: true, spacing: 'None' },
      closed
        ? closedNotice(view, text)
        : { type: 'TextBlock', text: choices.length ? text.reschedule.intro : text.reschedule.none, wrap: true },
    ],
    [
      ...choices.map((slot) =>
        executeAction(text.slot(slot.start, slot.end, view.timeZone), 'reschedule', {
          ...data,
          newStart: slot.start.toISOString(),
          newEnd: slot.end.toISOString(),
        }),
      ),
      ...meetingLinks(view, text, closed),
    ],
  );
  return withRefresh(
    card,
    { ...data, card: 'reschedule', decliner, slots: encodeSlots(slots) },
    context.refreshUserIds,
  );
}

/** `start/end` pairs, comma-separated: card data values are strings, numbers or booleans. */
export function encodeSlots(slots: readonly TimeSlot[]): string {
  return slots.map((slot) => `${slot.start.toISOString()}/${slot.end.toISOString()}`).join(',');
}

export function decodeSlots(encoded: string): TimeSlot[] | null {
  if (encoded === '') return [];
  const slots = encoded.split(',').map((pair) => {
    const [start, end] = pair.split('/').map((iso) => new Date(iso ?? ''));
    return start && end ? { start, end } : null;
  });
  const valid = slots.every((slot) => slot && !Number.isNaN(slot.start.getTime()) && !Number.isNaN(slot.end.getTime()));
  return valid && slots.length <= 5 ? (slots as TimeSlot[]) : null;
}
