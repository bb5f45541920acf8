import type { MeetingCardView, MeetingPersonView } from '../ports.ts';
import type { BotText } from '../text.ts';
import type { CardElement, OpenUrlAction, TextBlock } from './adaptive-card.ts';
import { plainText } from './plain-text.ts';

/** The facts every meeting card shows: what, when (in the viewer's zone), who, where, and the agenda. */
export function meetingDetails(view: MeetingCardView, text: BotText, options: { responses: boolean }): CardElement[] {
  const others = [view.organizer, ...view.attendees].filter((person) => !isViewer(view, person));
  const people = others.map((person) => personLine(person, view, text, options.responses)).join(', ');
  const facts = [
    ...(view.typeName ? [{ title: text.meeting.type, value: plainText(view.typeName) }] : []),
    { title: text.meeting.when, value: whenLine(view, text) },
    ...(people ? [{ title: text.meeting.with, value: people }] : []),
    ...(view.location ? [{ title: text.meeting.where, value: plainText(view.location) }] : []),
  ];
  return [
    { type: 'TextBlock', text: plainText(view.title), wrap: true, size: 'Medium', weight: 'Bolder' },
    ...outlookSubjectLine(view, text),
    { type: 'FactSet', facts },
    ...agendaBlocks(view, text),
  ];
}

/**
 * Under Confer's title, the subject the Outlook event has when someone renamed it there (Confer keeps its own
 * title), so people recognise the meeting from their calendar; nothing when they are the same.
 */
export function outlookSubjectLine(view: MeetingCardView, text: BotText): TextBlock[] {
  if (!view.outlookSubject) return [];
  const line = text.meeting.inOutlook(plainText(view.outlookSubject));
  return [{ type: 'TextBlock', text: line, wrap: true, isSubtle: true, spacing: 'None' }];
}

export function whenLine(view: MeetingCardView, text: BotText): string {
  const when = text.when(view.start, view.end, view.timeZone);
  return view.recurring ? text.meeting.recurring(when) : when;
}

/**
 * The agenda keeps its lines: card renderers fold a single newline inside a TextBlock into a space, so each
 * line is its own block under the heading.
 */
function agendaBlocks(view: MeetingCardView, text: BotText): TextBlock[] {
  const lines = view.agenda
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return [{ type: 'TextBlock', text: text.meeting.noAgenda, wrap: true, isSubtle: true }];
  return [
    { type: 'TextBlock', text: `**${text.meeting.agenda}**`, wrap: true },
    ...lines.map((line): TextBlock => ({ type: 'TextBlock', text: plainText(line), wrap: true, spacing: 'None' })),
  ];
}

function personLine(person: MeetingPersonView, view: MeetingCardView, text: BotText, responses: boolean): string {
  const name = plainText(person.name);
  if (person.email === view.organizer.email) return text.meeting.person(name, text.meeting.organizerRole);
  return responses ? text.meeting.person(name, text.meeting.response[person.response]) : name;
}

function isViewer(view: MeetingCardView, person: MeetingPersonView): boolean {
  return person.userId === view.viewer.userId;
}

/** A meeting is over once it ends; its cards then offer nothing to answer. */
export function isOver(view: MeetingCardView, now: Date): boolean {
  return view.end.getTime() <= now.getTime();
}

export function isClosed(view: MeetingCardView, now: Date): boolean {
  return view.status === 'cancelled' || isOver(view, now);
}

/** The line that says why a card has no buttons any more. */
export function closedNotice(view: MeetingCardView, text: BotText): TextBlock {
  const cancelled = view.status === 'cancelled';
  return {
    type: 'TextBlock',
    text: cancelled ? text.meeting.cancelled : text.meeting.past,
    wrap: true,
    weight: 'Bolder',
    ...(cancelled ? {} : { isSubtle: true }),
  };
}

/** Join (while it can still be joined) and the meeting's page in Confer. */
export function meetingLinks(view: MeetingCardView, text: BotText, closed: boolean): OpenUrlAction[] {
  const join: OpenUrlAction[] =
    view.joinUrl && !closed ? [{ type: 'Action.OpenUrl', title: text.meeting.join, url: view.joinUrl }] : [];
  return [...join, { type: 'Action.OpenUrl', title: text.meeting.openInConfer, url: view.webUrl }];
}
