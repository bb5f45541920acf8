import { LIMITS } from '@confer/contracts';
import { dateKeyIn } from '@confer/contracts/time';
import type { FollowUpView } from '../ports.ts';
import type { BotText } from '../text.ts';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  createCard,
  executeAction,
  shownCard,
  withRefresh,
} from './adaptive-card.ts';
import { attendanceOf } from './attendance.ts';
import {
  type LinkedCardContext,
  line,
  meetingMinutes,
  meetingTitle,
  nextMeetingTimes,
  occurrenceData,
  occurrenceWhen,
  openInConfer,
  titleBlock,
} from './follow-up-parts.ts';
import { buildHeldQuestionCard, buildNoShowCard } from './no-show-card.ts';
import { encodeSlots } from './organizer-cards.ts';
import { plainText } from './plain-text.ts';

/** Which card an ended occurrence gets, by what happened and who is looking; null when there is nothing to say. */
export type FollowUpCardKind = 'follow-up' | 'no-show' | 'held-question';

/**
 * A meeting that took place gets everyone the follow-up; one that did not, its organizer the chance to book it
 * again; an in-person one still pending, its organizer the question whether it took place. Pending online (Teams
 * has not answered yet) and unknown are never guessed at.
 */
export function followUpCardKind(view: FollowUpView): FollowUpCardKind | null {
  const organizer = view.meeting.viewer.role === 'organizer';
  switch (view.state) {
    case 'held':
    case 'partly_attended':
      return 'follow-up';
    case 'no_show':
      return organizer ? 'no-show' : null;
    case 'pending':
      return organizer && !view.online ? 'held-question' : null;
    case 'unknown':
      return null;
  }
}

/** The card for the occurrence as it is now, or null (see `followUpCardKind`). */
export function buildFollowUpMessage(
  view: FollowUpView,
  text: BotText,
  context: LinkedCardContext,
): AdaptiveCard | null {
  switch (followUpCardKind(view)) {
    case 'follow-up':
      return buildFollowUpCard(view, text, context);
    case 'no-show':
      return buildNoShowCard(view, text, context);
    case 'held-question':
      return buildHeldQuestionCard(view, text, context);
    case null:
      return null;
  }
}

/** The notification line for the card `buildFollowUpMessage` builds. */
export function followUpSummary(view: FollowUpView, text: BotText): string {
  const kind = followUpCardKind(view);
  if (kind === 'no-show') return text.noShow.summary(view.meeting.title);
  if (kind === 'held-question') return text.held.title(view.meeting.title);
  return text.followUp.summary(view.meeting.title);
}

/**
 * After a meeting that took place: who met and for how long (and who did not join), a note and an action in a
 * few clicks, and three times for the next meeting around the pair's rhythm.
 */
export function buildFollowUpCard(view: FollowUpView, text: BotText, context: LinkedCardContext): AdaptiveCard {
  const data = occurrenceData(view, context.tenantId);
  const slots = encodeSlots(view.slots);
  const body: CardElement[] = [
    line(text.followUp.heading, { isSubtle: true }),
    titleBlock(meetingTitle(view)),
    occurrenceWhen(view, text),
    ...whatHappened(view, text),
    ...(view.notes > 0 || view.actions > 0 ? [line(text.followUp.recorded(view.notes, view.actions))] : []),
    line(`**${text.followUp.bookNext}**`, { spacing: 'Medium' }),
    ...(view.rhythmDays ? [line(text.followUp.rhythm(text.every(view.rhythmDays)), { spacing: 'None' })] : []),
    ...nextMeetingTimes(view, text.followUp.slotsIntro(text.duration(meetingMinutes(view))), text, context),
  ];
  const actions: CardAction[] = [
    noteForm(text, { ...data, slots }),
    actionForm(view, text, context, { ...data, slots }),
    openInConfer(view, text),
  ];
  return withRefresh(createCard(text, body, actions), { ...data, card: 'follow-up', slots }, context.refreshUserIds);
}

function whatHappened(view: FollowUpView, text: BotText): CardElement[] {
  const attendance = attendanceOf(view);
  const joined = attendance.joined.map(plainText);
  const duration = attendance.minutes ? text.duration(attendance.minutes) : null;
  const lines: CardElement[] = [];
  if (attendance.joined.length > 0) {
    const absent = attendance.viewer !== null && !attendance.viewer.joined;
    lines.push(line(absent ? text.followUp.metWithoutYou(joined) : text.followUp.met(joined, duration)));
  }
  if (view.state === 'partly_attended' && attendance.missing.length > 0) {
    lines.push(line(text.followUp.missing(attendance.missing.map(plainText)), { spacing: 'None' }));
  }
  return lines;
}

function noteForm(text: BotText, data: Record<string, string>): CardAction {
  return {
    type: 'Action.ShowCard',
    title: text.followUp.addNote,
    card: shownCard(
      text,
      [
        {
          type: 'Input.Text',
          id: 'note',
          label: text.followUp.noteLabel,
          placeholder: text.followUp.notePlaceholder,
          isMultiline: true,
          maxLength: LIMITS.maxNote,
          isRequired: true,
          errorMessage: text.followUp.noteRequired,
        },
        { type: 'Input.Toggle', id: 'noteShared', title: text.followUp.share, value: 'false', wrap: true },
      ],
      [executeAction(text.followUp.saveNote, 'add-note', data)],
    ),
  };
}

function actionForm(
  view: FollowUpView,
  text: BotText,
  context: LinkedCardContext,
  data: Record<string, string>,
): CardAction {
  return {
    type: 'Action.ShowCard',
    title: text.followUp.addAction,
    card: shownCard(
      text,
      [
        {
          type: 'Input.Text',
          id: 'actionTitle',
          label: text.followUp.actionTitle,
          placeholder: text.followUp.actionPlaceholder,
          maxLength: LIMITS.maxActionTitle,
          isRequired: true,
          errorMessage: text.followUp.actionRequired,
        },
        {
          type: 'Input.Date',
          id: 'actionDue',
          label: text.followUp.actionDue,
          min: dateKeyIn(context.now, view.meeting.timeZone),
        },
      ],
      [executeAction(text.followUp.saveAction, 'add-action', data)],
    ),
  };
}
