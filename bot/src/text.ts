import type { CommandName } from './commands.ts';
import type { ActionErrorCode, MeetingResponse } from './ports.ts';

/**
 * Every word the bot says, in one place so it can be translated. Card builders and handlers take a
 * `BotText` and never hold their own strings.
 */
export interface BotText {
  productName: string;
  welcome: {
    /** Greeting headline; `name` is null when Teams did not tell us who installed the app. */
    title(name: string | null): string;
    summary: string;
    helpHint: string;
  };
  help: {
    title: string;
    unrecognised: string;
    commandsIntro: string;
    tabHint: string;
  };
  commands: Record<CommandName, { description: string }>;
  openTab: string;
  errors: {
    /** Sent to the user when a turn fails on our side; details go to the log, not the chat. */
    turnFailed: string;
    /** Card-safe answers to refused card actions, by code. */
    action: Record<ActionErrorCode, string>;
  };
  /** "Tue 14 Jul, 10:00–10:30" in `timeZone`, with the zone named. */
  when(start: Date, end: Date, timeZone: string): string;
  /** A date and time alone, e.g. for suggested slots. */
  slot(start: Date, end: Date, timeZone: string): string;
  /** A day alone, e.g. "Mon, 9 Nov 2026", in `timeZone`. */
  date(instant: Date, timeZone: string): string;
  /** A length of time: "1 minute", "42 minutes", "1 hour 30 minutes". */
  duration(minutes: number): string;
  /** How often people meet: "every day", "every week", "every 2 weeks", "every 10 days". */
  every(days: number): string;
  /** Names joined for a sentence: "Megan", "Megan and Adele", "Megan, Adele and Alex". */
  list(names: readonly string[]): string;
  meeting: {
    type: string;
    when: string;
    organizer: string;
    with: string;
    where: string;
    agenda: string;
    noAgenda: string;
    join: string;
    openInConfer: string;
    notes: string;
    series: string;
    response: Record<MeetingResponse, string>;
    past: string;
    cancelled: string;
    /** The Outlook event's own subject, when someone renamed it there. */
    inOutlook(subject: string): string;
  };
  invitation: {
    title(organizer: string): string;
    accept: string;
    tentative: string;
    decline: string;
    propose: string;
    proposeDate: string;
    proposeTime: string;
    proposeSend: string;
    proposeRequired: string;
    answered(response: MeetingResponse): string;
    proposed(slot: string): string;
  };
  organizerUpdate: {
    answered(name: string, response: MeetingResponse, title: string): string;
    proposed(slot: string): string;
  };
  reschedule: {
    title(name: string, title: string): string;
    intro: string;
    none: string;
    done(slot: string): string;
  };
  change: {
    rescheduled(title: string): string;
    updated(title: string): string;
    cancelled(title: string): string;
    occurrenceMoved(title: string): string;
    occurrenceCancelled(title: string): string;
    movedFrom(previous: string): string;
    /** Said of a change made in Outlook rather than in Confer. */
    byOutlook(organizer: string): string;
    summary(title: string, change: string): string;
  };
  proposal: {
    title(name: string, title: string): string;
    now(when: string): string;
    proposed(when: string): string;
    accept: string;
    /** Why the card no longer offers the proposed time. */
    gone: string;
  };
  reminder: {
    title(title: string, minutes: number | null): string;
    openActions: string;
    action(title: string, owner: string, due: string | null): string;
  };
  schedule: {
    usage: string;
    noMatch(name: string): string;
    several(name: string, count: number): string;
    title(name: string): string;
    intro(duration: number): string;
    none: string;
    unreadable: string;
    meetingTitle(organizer: string, attendee: string): string;
    scheduled(title: string): string;
  };
  upcoming: {
    title: string;
    none: string;
  };
  /** After a meeting that took place: what happened, notes, an action, and the next meeting. */
  followUp: {
    heading: string;
    met(names: string, duration: string | null): string;
    metWithoutYou(names: string): string;
    missing(names: string): string;
    rhythm(every: string): string;
    recorded(notes: number, actions: number): string;
    addNote: string;
    noteLabel: string;
    notePlaceholder: string;
    noteRequired: string;
    share: string;
    saveNote: string;
    addAction: string;
    actionTitle: string;
    actionPlaceholder: string;
    actionRequired: string;
    actionDue: string;
    saveAction: string;
    bookNext: string;
    slotsIntro(duration: string): string;
    none: string;
    pickTime: string;
    noteAdded: string;
    actionAdded: string;
    booked(slot: string): string;
    summary(title: string): string;
  };
  /** After a meeting nobody (or not everyone) joined: the organizer may book it again. */
  noShow: {
    title(title: string): string;
    nobody: string;
    intro: string;
    summary(title: string): string;
  };
  /** An in-person meeting (or one Teams said nothing about) that only the organizer can say took place. */
  held: {
    title(title: string): string;
    intro: string;
    yes: string;
    no: string;
  };
  /** A pair that has not met for longer than its rhythm. */
  nudge: {
    title(name: string): string;
    lastMet(name: string, date: string, every: string): string;
    intro(type: string | null, duration: string): string;
    none: string;
    pickAnother: string;
    stop: string;
    booked(name: string): string;
    off: string;
    stopped: string;
    turnBackOn: string;
  };
  connection: {
    reconnectTitle: string;
    /** The organisation's access policy leaves the person's calendar out: only an administrator can change it. */
    notAllowedTitle: string;
    expiryTitle(expires: string | null): string;
    fix: string;
  };
}

function dateParts(timeZone: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
}

function enWhen(start: Date, end: Date, timeZone: string): string {
  const day = dateParts(timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = dateParts(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = day.format(start) === day.format(end);
  const until = sameDay ? time.format(end) : `${day.format(end)}, ${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)}–${until} (${timeZone})`;
}

function enSlot(start: Date, end: Date, timeZone: string): string {
  const day = dateParts(timeZone, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = dateParts(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
}

function enDate(instant: Date, timeZone: string): string {
  return dateParts(timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
}

function enDuration(minutes: number): string {
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return count(minutes, 'minute');
  const rest = minutes % 60;
  const hours = count(Math.floor(minutes / 60), 'hour');
  return rest ? `${hours} ${count(rest, 'minute')}` : hours;
}

function enEvery(days: number): string {
  if (days === 1) return 'every day';
  if (days % 7 === 0) return days === 7 ? 'every week' : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

function enList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const responseWords: Record<MeetingResponse, string> = {
  none: 'no answer yet',
  notResponded: 'no answer yet',
  organizer: 'organizer',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

const en: BotText = {
  productName: 'Confer',
  welcome: {
    title: (name) => (name ? `Hi ${name}, welcome to Confer` : 'Hi, welcome to Confer'),
    summary:
      'Confer schedules 1:1 and small-group conversations, such as mentoring sessions and check-ins, ' +
      'against your Outlook calendar, right here in Teams.',
    helpHint: 'Type **help** at any time to see what I can do.',
  },
  help: {
    title: 'What I can do',
    unrecognised: "Sorry, I didn't understand that.",
    commandsIntro: 'Type one of these commands:',
    tabHint: 'Open Confer to see your calendar for the week ahead.',
  },
  commands: {
    help: { description: 'Shows this list.' },
    'schedule with': { description: 'Finds three times that suit you and a colleague, e.g. "schedule with Megan".' },
    upcoming: { description: 'Lists your next meetings.' },
  },
  openTab: 'Open Confer',
  errors: {
    turnFailed: 'Something went wrong on our side. Please try again in a moment.',
    action: {
      invalid_action: 'This button sent something Confer cannot read. Nothing was changed.',
      wrong_tenant: 'This card belongs to another organisation. Nothing was changed.',
      not_found: 'This meeting is not one of yours. Nothing was changed.',
      forbidden: 'Only the organizer can do that. Nothing was changed.',
      version_conflict:
        'This meeting changed since this card was sent. Nothing was changed; the card now shows it as it is.',
      meeting_not_editable: 'This meeting can no longer be changed.',
      validation_failed:
        'That does not work: pick a time in the future and fill in what the card asks for. Nothing was changed.',
      conflicts_found: 'Someone is busy at that time now. Pick another time.',
      not_connected: 'Confer cannot reach your calendar. Open Confer settings to reconnect.',
      integration_off:
        'Your organisation has switched the Outlook integration off, so Confer does not read or change calendars. Nothing was changed; ask your admin if you need it.',
      unavailable: 'Outlook did not answer in time. Nothing was changed; please try again.',
    },
  },
  when: enWhen,
  slot: enSlot,
  date: enDate,
  duration: enDuration,
  every: enEvery,
  list: enList,
  meeting: {
    type: 'Type',
    when: 'When',
    organizer: 'Organizer',
    with: 'With',
    where: 'Where',
    agenda: 'Agenda',
    noAgenda: 'No agenda yet.',
    join: 'Join',
    openInConfer: 'Open in Confer',
    notes: 'Notes and actions',
    series: 'Recurring',
    response: responseWords,
    past: 'This meeting is over.',
    cancelled: 'This meeting was cancelled.',
    inOutlook: (subject) => `In Outlook: “${subject}”`,
  },
  invitation: {
    title: (organizer) => `${organizer} invited you`,
    accept: 'Accept',
    tentative: 'Tentative',
    decline: 'Decline',
    propose: 'Propose a new time',
    proposeDate: 'New date',
    proposeTime: 'New start time (your time)',
    proposeSend: 'Send proposal',
    proposeRequired: 'Pick a date and a time.',
    answered: (response) => `You answered: **${responseWords[response]}**.`,
    proposed: (slot) => `You proposed ${slot}.`,
  },
  organizerUpdate: {
    answered: (name, response, title) => `${name} ${responseWords[response]} "${title}".`,
    proposed: (slot) => `Proposed instead: ${slot}.`,
  },
  reschedule: {
    title: (name, title) => `${name} declined "${title}"`,
    intro: 'Move it to a time that suits everyone? One click moves the meeting; the Teams link stays the same.',
    none: 'Confer found no time that suits everyone in the next two weeks. Open Confer to choose one.',
    done: (slot) => `Moved to ${slot}. Everyone has the new time.`,
  },
  change: {
    rescheduled: (title) => `"${title}" moved`,
    updated: (title) => `"${title}" changed`,
    cancelled: (title) => `"${title}" was cancelled`,
    occurrenceMoved: (title) => `One "${title}" moved`,
    occurrenceCancelled: (title) => `One "${title}" was cancelled`,
    movedFrom: (previous) => `Was: ${previous}`,
    byOutlook: (organizer) => `${organizer} changed this meeting in Outlook.`,
    summary: (title, change) => `${change}: ${title}`,
  },
  proposal: {
    title: (name, title) => `${name} proposed a new time for "${title}"`,
    now: (when) => `Now: ${when}`,
    proposed: (when) => `Proposed: **${when}**`,
    accept: 'Accept proposed time',
    gone: 'This proposal no longer stands: the meeting or the answer has changed since.',
  },
  reminder: {
    title: (title, minutes) => {
      if (minutes === null) return `Coming up: ${title}`;
      if (minutes >= 1440 && minutes % 1440 === 0) {
        const days = minutes / 1440;
        return days === 1 ? `Tomorrow: ${title}` : `In ${days} days: ${title}`;
      }
      if (minutes >= 60 && minutes % 60 === 0) return `In ${minutes / 60} h: ${title}`;
      return minutes === 0 ? `Starting now: ${title}` : `In ${minutes} minutes: ${title}`;
    },
    openActions: 'Open actions',
    action: (title, owner, due) => (due ? `${title} — ${owner}, due ${due}` : `${title} — ${owner}`),
  },
  schedule: {
    usage: 'Tell me who to meet, e.g. **schedule with Megan**.',
    noMatch: (name) => `I couldn't find anyone called "${name}" in your organisation.`,
    several: (name, count) => `${count} people match "${name}". Type more of the name, or pick them in Confer.`,
    title: (name) => `Times with ${name}`,
    intro: (duration) => `${duration} minutes, when you are both free (your time):`,
    none: 'No time suits you both in the next two weeks. Open Confer to look further.',
    unreadable: "Confer can't read every calendar, so these times may clash.",
    meetingTitle: (organizer, attendee) => `${organizer} / ${attendee}`,
    scheduled: (title) => `Scheduled "${title}". Invitations are on their way.`,
  },
  upcoming: {
    title: 'Your next meetings',
    none: 'You have no meetings coming up.',
  },
  followUp: {
    heading: 'How did it go?',
    met: (names, duration) => (duration ? `You met ${names} for ${duration}.` : `You met ${names}.`),
    metWithoutYou: (names) => `${names} met without you.`,
    missing: (names) => `${names} didn't join.`,
    rhythm: (every) => `You meet ${every}.`,
    recorded: (notes, actions) =>
      `So far: ${notes} ${notes === 1 ? 'note' : 'notes'}, ${actions} ${actions === 1 ? 'action' : 'actions'}.`,
    addNote: 'Add notes',
    noteLabel: 'Notes',
    notePlaceholder: 'What you talked about, what comes next',
    noteRequired: 'Write a note first.',
    share: 'Share with the others',
    saveNote: 'Save note',
    addAction: 'Add an action',
    actionTitle: 'Action',
    actionPlaceholder: 'What needs doing',
    actionRequired: 'Say what needs doing.',
    actionDue: 'Due (optional)',
    saveAction: 'Save action',
    bookNext: 'Book the next one',
    slotsIntro: (duration) => `${duration}, when everyone is free (your time):`,
    none: 'Confer found no time that suits everyone in the next two weeks.',
    pickTime: 'Pick a time in Confer',
    noteAdded: 'Note added.',
    actionAdded: 'Action added.',
    booked: (slot) => `Booked for ${slot}. Invitations are on their way.`,
    summary: (title) => `How did "${title}" go?`,
  },
  noShow: {
    title: (title) => `"${title}" didn't take place`,
    nobody: 'Nobody joined.',
    intro: 'Book it again? One click books the same meeting at a time that suits everyone (your time):',
    summary: (title) => `"${title}" didn't take place`,
  },
  held: {
    title: (title) => `Did "${title}" take place?`,
    intro: 'Tell Confer, so it can keep your notes and suggest when to meet next.',
    yes: 'Yes, we met',
    no: "No, it didn't happen",
  },
  nudge: {
    title: (name) => `Time to meet ${name} again?`,
    lastMet: (name, date, every) => `You and ${name} last met on ${date} — you meet ${every}.`,
    intro: (type, duration) =>
      type
        ? `${type}, ${duration}, when you are both free (your time):`
        : `${duration}, when you are both free (your time):`,
    none: 'No time suits you both in the next two weeks.',
    pickAnother: 'Pick another time',
    stop: 'Stop these reminders',
    booked: (name) => `You and ${name} have a meeting booked.`,
    off: 'Reminders to meet again are off.',
    stopped: "You won't get reminders to meet again any more.",
    turnBackOn: 'To turn them back on, open Confer settings.',
  },
  connection: {
    reconnectTitle: 'Confer needs you to reconnect your calendar',
    notAllowedTitle: 'Confer cannot use your calendar',
    expiryTitle: (expires) =>
      expires ? `Your calendar connection expires on ${expires}` : 'Your calendar connection expires soon',
    fix: 'Open Confer settings',
  },
};

const catalogue: Record<string, BotText> = { en };

/**
 * Text for a Bot Framework locale (`activity.locale`, e.g. `en-US`). Falls back to English, the only
 * catalogue so far.
 */
export function textFor(locale: string | undefined): BotText {
  const language = (locale ?? '').toLowerCase().split('-')[0] ?? '';
  return catalogue[language] ?? en;
}
