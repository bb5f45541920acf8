import type { Translator } from '@confer/contracts/i18n';
import type { MeetingResponse } from '../ports.ts';
import type { BotText } from '../text.ts';

/* The larger parts of a recipient's `BotText`, each built from their catalogue (see bot-text.ts). */

/** A message of the recipient's catalogue (`Translator.t`). */
export type Message = (key: string, values?: Parameters<Translator['t']>[1]) => string;

export function meetingText(m: Message, response: Record<MeetingResponse, string>): BotText['meeting'] {
  const series = m('meeting.series');
  return {
    type: m('meeting.type'),
    when: m('meeting.when'),
    organizer: m('meeting.organizer'),
    with: m('meeting.with'),
    where: m('meeting.where'),
    agenda: m('meeting.agenda'),
    noAgenda: m('meeting.noAgenda'),
    join: m('meeting.join'),
    openInConfer: m('meeting.openInConfer'),
    notes: m('meeting.notes'),
    series,
    response,
    person: (name, role) => m('meeting.person', { name, role }),
    organizerRole: m('meeting.organizerRole'),
    recurring: (when) => m('common.recurring', { when, series }),
    past: m('meeting.past'),
    cancelled: m('meeting.cancelled'),
    inOutlook: (subject) => m('meeting.inOutlook', { subject }),
  };
}

/** Lead times as people say them: tomorrow, in 2 days, in 3 h, in 15 minutes, starting now. */
export function reminderTitle(m: Message, title: string, minutes: number | null): string {
  if (minutes === null) return m('reminder.comingUp', { title });
  if (minutes >= 1440 && minutes % 1440 === 0) return m('reminder.inDays', { title, days: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return m('reminder.inHours', { title, hours: minutes / 60 });
  return minutes === 0 ? m('reminder.startingNow', { title }) : m('reminder.inMinutes', { title, minutes });
}

export function followUpText(m: Message, list: (names: readonly string[]) => string): BotText['followUp'] {
  const key = (name: string) => m(`follow-up.${name}`);
  return {
    heading: key('heading'),
    met: (names, duration) =>
      duration ? m('follow-up.metFor', { names: list(names), duration }) : m('follow-up.met', { names: list(names) }),
    metWithoutYou: (names) => m('follow-up.metWithoutYou', { names: list(names), count: names.length }),
    missing: (names) => m('follow-up.missing', { names: list(names), count: names.length }),
    rhythm: (every) => m('follow-up.rhythm', { every }),
    recorded: (notes, actions) => m('follow-up.recorded', { notes, actions }),
    addNote: key('addNote'),
    noteLabel: key('noteLabel'),
    notePlaceholder: key('notePlaceholder'),
    noteRequired: key('noteRequired'),
    share: key('share'),
    saveNote: key('saveNote'),
    addAction: key('addAction'),
    actionTitle: key('actionTitle'),
    actionPlaceholder: key('actionPlaceholder'),
    actionRequired: key('actionRequired'),
    actionDue: key('actionDue'),
    saveAction: key('saveAction'),
    bookNext: key('bookNext'),
    slotsIntro: (duration) => m('follow-up.slotsIntro', { duration }),
    none: key('none'),
    pickTime: key('pickTime'),
    noteAdded: key('noteAdded'),
    actionAdded: key('actionAdded'),
    booked: (slot) => m('follow-up.booked', { slot }),
    summary: (title) => m('follow-up.summary', { title }),
  };
}

export function nudgeText(m: Message): BotText['nudge'] {
  return {
    title: (name) => m('nudge.title', { name }),
    lastMet: (name, date, every) => m('nudge.lastMet', { name, date, every }),
    intro: (type, duration) => (type ? m('nudge.introWithType', { type, duration }) : m('nudge.intro', { duration })),
    none: m('nudge.none'),
    pickAnother: m('nudge.pickAnother'),
    stop: m('nudge.stop'),
    booked: (name) => m('nudge.booked', { name }),
    off: m('nudge.off'),
    stopped: m('nudge.stopped'),
    turnBackOn: m('nudge.turnBackOn'),
  };
}
