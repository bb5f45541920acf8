import type { ResolvedLocale } from '@confer/contracts/i18n';
import type { CommandName } from './commands.ts';
import type { BotFormats } from './i18n/formats.ts';
import type { ActionErrorCode, ConnectionNotice, MeetingResponse } from './ports.ts';

/**
 * Every word the bot says, for one recipient's language (`botText(locale)` builds it from the message
 * catalogues in `i18n/messages`). Card builders and handlers take a `BotText` and never hold their own
 * strings. Dates, lengths, rhythms and lists are formatted as `BotFormats` says.
 */
export interface BotText extends Omit<BotFormats, 'utcMinute'> {
  /** The recipient's language, formatting locale and direction (a card for Arabic is right to left). */
  locale: ResolvedLocale;
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
    /** Someone in the list of people, with their part: "Alex Wilber (organizer)", "Megan Bowen (accepted)". */
    person(name: string, role: string): string;
    organizerRole: string;
    /** The when line of a series. */
    recurring(when: string): string;
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
    /** The notification line: "Alex Wilber invited you: Mentoring". */
    summary(organizer: string, title: string): string;
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
    /** An open action; `due` is its `YYYY-MM-DD` due date. */
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
    met(names: readonly string[], duration: string | null): string;
    metWithoutYou(names: readonly string[]): string;
    missing(names: readonly string[]): string;
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
    /** What the connection's status means and what to do, as the card body says it. */
    status(status: ConnectionNotice['status']): string;
  };
  /** An incident of the Outlook integration, for its owners. */
  incident: {
    openSince: string;
    resolved: string;
    affected: string;
    whatToDo(advice: string): string;
    openIncidents: string;
    /** An instant to the minute in UTC: an owner may be anywhere. */
    at(instant: Date): string;
    summary(title: string, summary: string): string;
  };
}
