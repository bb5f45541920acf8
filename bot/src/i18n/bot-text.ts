import type { ResolvedLocale, Translator } from '@confer/contracts/i18n';
import type { CommandName } from '../commands.ts';
import type { ActionErrorCode, ConnectionNotice, MeetingResponse } from '../ports.ts';
import type { BotText } from '../text.ts';
import { followUpText, meetingText, nudgeText, reminderTitle } from './bot-text-sections.ts';
import { botTranslator } from './catalogues.ts';
import { createBotFormats } from './formats.ts';

const responses: readonly MeetingResponse[] = [
  'none',
  'notResponded',
  'organizer',
  'accepted',
  'tentativelyAccepted',
  'declined',
];

/** Each refusal code's message (`errors.<key>`): the codes are the API's snake_case, the keys camelCase. */
const errorKeys: Record<ActionErrorCode, string> = {
  invalid_action: 'invalidAction',
  wrong_tenant: 'wrongTenant',
  not_found: 'notFound',
  forbidden: 'forbidden',
  version_conflict: 'versionConflict',
  meeting_not_editable: 'meetingNotEditable',
  validation_failed: 'validationFailed',
  conflicts_found: 'conflictsFound',
  not_connected: 'notConnected',
  integration_off: 'integrationOff',
  unavailable: 'unavailable',
};

const commandKeys: Record<CommandName, string> = {
  help: 'help.commandHelp',
  'schedule with': 'help.commandScheduleWith',
  upcoming: 'help.commandUpcoming',
};

const connectionKeys: Record<ConnectionNotice['status'], string> = {
  connected: 'connection.connected',
  consent_required: 'connection.consentRequired',
  expired: 'connection.expired',
  outside_scope: 'connection.outsideScope',
  not_connected: 'connection.notConnected',
};

const texts = new Map<string, BotText>();

/**
 * Every word the bot says, in the language of `locale` (an activity's `locale`, a mailbox language, or a
 * resolved locale); unshipped or missing tags give English. One `BotText` is kept per formatting locale.
 */
export function botText(locale: ResolvedLocale | string | null | undefined): BotText {
  const translator = botTranslator(locale);
  let text = texts.get(translator.locale.formatLocale);
  if (!text) {
    text = createBotText(translator);
    texts.set(translator.locale.formatLocale, text);
  }
  return text;
}

function mapOf<K extends string>(keys: readonly K[], value: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, string>;
}

export function createBotText(t: Translator): BotText {
  const m = (key: string, values?: Parameters<Translator['t']>[1]) => t.t(key, values);
  const { utcMinute, ...formats } = createBotFormats(t);
  const response = mapOf(responses, (value) => m('meeting.response', { response: value }));
  const commandNames = Object.keys(commandKeys) as CommandName[];
  return {
    locale: t.locale,
    productName: 'Confer',
    welcome: {
      title: (name) => (name ? m('welcome.title', { name }) : m('welcome.titleWithoutName')),
      summary: m('welcome.summary'),
      helpHint: m('welcome.helpHint'),
    },
    help: {
      title: m('help.title'),
      unrecognised: m('help.unrecognised'),
      commandsIntro: m('help.commandsIntro'),
      tabHint: m('help.tabHint'),
    },
    commands: Object.fromEntries(
      commandNames.map((name) => [name, { description: m(commandKeys[name]) }]),
    ) as BotText['commands'],
    openTab: m('common.openTab'),
    errors: {
      turnFailed: m('errors.turnFailed'),
      action: mapOf(Object.keys(errorKeys) as ActionErrorCode[], (code) => m(`errors.${errorKeys[code]}`)),
    },
    ...formats,
    meeting: meetingText(m, response),
    invitation: {
      title: (organizer) => m('invitation.title', { organizer }),
      accept: m('invitation.accept'),
      tentative: m('invitation.tentative'),
      decline: m('invitation.decline'),
      propose: m('invitation.propose'),
      proposeDate: m('invitation.proposeDate'),
      proposeTime: m('invitation.proposeTime'),
      proposeSend: m('invitation.proposeSend'),
      proposeRequired: m('invitation.proposeRequired'),
      answered: (value) => m('invitation.answered', { response: response[value] }),
      proposed: (slot) => m('invitation.proposed', { slot }),
      summary: (organizer, title) =>
        m('invitation.summary', { title: m('invitation.title', { organizer }), meeting: title }),
    },
    organizerUpdate: {
      answered: (name, value, title) => m('organizer.answered', { name, response: value, title }),
      proposed: (slot) => m('organizer.proposedInstead', { slot }),
    },
    reschedule: {
      title: (name, title) => m('organizer.rescheduleTitle', { name, title }),
      intro: m('organizer.rescheduleIntro'),
      none: m('organizer.rescheduleNone'),
      done: (slot) => m('organizer.rescheduled', { slot }),
    },
    change: {
      rescheduled: (title) => m('change.rescheduled', { title }),
      updated: (title) => m('change.updated', { title }),
      cancelled: (title) => m('change.cancelled', { title }),
      occurrenceMoved: (title) => m('change.occurrenceMoved', { title }),
      occurrenceCancelled: (title) => m('change.occurrenceCancelled', { title }),
      movedFrom: (previous) => m('change.movedFrom', { previous }),
      byOutlook: (organizer) => m('change.byOutlook', { organizer }),
      summary: (title, change) => m('change.summary', { title, change }),
    },
    proposal: {
      title: (name, title) => m('organizer.proposalTitle', { name, title }),
      now: (when) => m('organizer.proposalNow', { when }),
      proposed: (when) => m('organizer.proposalProposed', { when }),
      accept: m('organizer.proposalAccept'),
      gone: m('organizer.proposalGone'),
    },
    reminder: {
      title: (title, minutes) => reminderTitle(m, title, minutes),
      openActions: m('reminder.openActions'),
      action: (title, owner, due) =>
        due ? m('reminder.actionDue', { title, owner, due: formats.day(due) }) : m('reminder.action', { title, owner }),
    },
    schedule: {
      usage: m('schedule.usage'),
      noMatch: (name) => m('schedule.noMatch', { name }),
      several: (name, count) => m('schedule.several', { name, count }),
      title: (name) => m('schedule.title', { name }),
      intro: (minutes) => m('schedule.intro', { minutes }),
      none: m('schedule.none'),
      unreadable: m('schedule.unreadable'),
      meetingTitle: (organizer, attendee) => m('schedule.meetingTitle', { organizer, attendee }),
      scheduled: (title) => m('schedule.scheduled', { title }),
    },
    upcoming: { title: m('schedule.upcomingTitle'), none: m('schedule.upcomingNone') },
    followUp: followUpText(m, formats.list),
    noShow: {
      title: (title) => m('follow-up.noShowTitle', { title }),
      nobody: m('follow-up.nobody'),
      intro: m('follow-up.noShowIntro'),
      summary: (title) => m('follow-up.noShowTitle', { title }),
    },
    held: {
      title: (title) => m('follow-up.heldTitle', { title }),
      intro: m('follow-up.heldIntro'),
      yes: m('follow-up.heldYes'),
      no: m('follow-up.heldNo'),
    },
    nudge: nudgeText(m),
    connection: {
      reconnectTitle: m('connection.reconnectTitle'),
      notAllowedTitle: m('connection.notAllowedTitle'),
      expiryTitle: (date) => (date ? m('connection.expiryTitle', { date }) : m('connection.expirySoonTitle')),
      fix: m('connection.fix'),
      status: (status) => m(connectionKeys[status]),
    },
    incident: {
      openSince: m('incident.openSince'),
      resolved: m('incident.resolved'),
      affected: m('incident.affected'),
      whatToDo: (advice) => m('incident.whatToDo', { advice }),
      openIncidents: m('incident.openIncidents'),
      at: utcMinute,
      summary: (title, summary) => m('incident.summary', { title, summary }),
    },
  };
}
