import type { FollowUpView, TimeSlot } from '../ports.ts';
import type { BotText } from '../text.ts';
import { type CardAction, type CardElement, executeAction, type TextBlock } from './adaptive-card.ts';
import { otherEmails } from './attendance.ts';
import type { CardContext } from './invitation-card.ts';
import { plainText } from './plain-text.ts';
import { scheduleWithUrl } from './schedule-card.ts';

/** A card context with the tab's public URL, for links to scheduling and settings. */
export interface LinkedCardContext extends CardContext {
  tabUrl: string;
}

/**
 * What every follow-up button carries: the tenant (checked against the clicker) and the occurrence, by its
 * meeting and original start. Who clicks comes from the activity, so a tampered id names nothing of theirs.
 */
export function occurrenceData(view: FollowUpView, tenantId: string): Record<string, string> {
  return { tenantId, meetingId: view.meeting.meetingId, occurrenceStart: view.occurrenceStart.toISOString() };
}

export function titleBlock(title: string): TextBlock {
  return { type: 'TextBlock', text: title, wrap: true, size: 'Medium', weight: 'Bolder' };
}

/** When the occurrence was, in the viewer's zone. */
export function occurrenceWhen(view: FollowUpView, text: BotText): TextBlock {
  const when = text.when(view.occurrenceStart, view.occurrenceEnd, view.meeting.timeZone);
  return { type: 'TextBlock', text: when, wrap: true, isSubtle: true, spacing: 'None' };
}

export function line(value: string, extra: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/** The meeting's length in minutes, which a follow-on meeting keeps. */
export function meetingMinutes(view: FollowUpView): number {
  return Math.round((view.meeting.end.getTime() - view.meeting.start.getTime()) / 60_000);
}

/** Slots still ahead, as the card offers them. */
export function futureSlots(slots: readonly TimeSlot[], now: Date): TimeSlot[] {
  return slots.filter((slot) => slot.start.getTime() > now.getTime());
}

/**
 * Up to three times for the next meeting, each one click from booking it (`book-next`), under `intro`; with none,
 * says so and links to the tab's scheduler with the same people.
 */
export function nextMeetingTimes(
  view: FollowUpView,
  intro: string,
  text: BotText,
  context: LinkedCardContext,
): CardElement[] {
  const choices = futureSlots(view.slots, context.now).slice(0, 3);
  if (choices.length === 0) {
    const scheduleUrl = scheduleWithUrl(context.tabUrl, otherEmails(view));
    return [
      line(text.followUp.none),
      { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: text.followUp.pickTime, url: scheduleUrl }] },
    ];
  }
  const data = occurrenceData(view, context.tenantId);
  return [
    line(intro),
    {
      type: 'ActionSet',
      actions: choices.map((slot) =>
        executeAction(text.slot(slot.start, slot.end, view.meeting.timeZone), 'book-next', {
          ...data,
          newStart: slot.start.toISOString(),
          newEnd: slot.end.toISOString(),
        }),
      ),
    },
  ];
}

/** The button that opens the meeting in the tab. */
export function openInConfer(view: FollowUpView, text: BotText): CardAction {
  return { type: 'Action.OpenUrl', title: text.meeting.openInConfer, url: view.meeting.webUrl };
}

export function meetingTitle(view: FollowUpView): string {
  return plainText(view.meeting.title);
}
