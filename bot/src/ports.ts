/**
 * What the bot needs from the rest of the app. The API wires real implementations
 * (SQLite store, directory through Graph); tests pass hand-written fakes.
 */

import type { ErrorCode } from '@confer/contracts';

/** A user's personal conversation with the bot, kept so the bot can message them later. */
export interface StoredConversation {
  tenantId: string;
  /** Entra object id of the user (`from.aadObjectId`). */
  aadObjectId: string;
  /** Teams user id (`29:…` in Teams; the Playground uses its own ids). */
  userId: string;
  userName: string | null;
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  /** The full ConversationReference as JSON, as the Agents SDK produced it. */
  reference: Record<string, unknown>;
  /** ISO instant of the last update. */
  updatedAt: string;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  find(tenantId: string, aadObjectId: string): Promise<StoredConversation | undefined>;
  remove(tenantId: string, aadObjectId: string): Promise<void>;
}

/**
 * The language set in a person's Outlook mailbox (`mailboxSettings.language.locale`, e.g. `ja-JP`), for
 * writing to someone who has not written to the bot yet; null when unknown. The bot asks on proactive sends, so
 * implementations keep answers rather than read the mailbox each time, and answer null rather than fail when it
 * cannot be read (a card in English beats no card).
 */
export type MailboxLocale = (user: BotUser) => Promise<string | null>;

/**
 * Whether the directory of `tenantId` has a person with this Entra object id. `unknown` when it cannot be
 * asked (no permission to read the directory, or it did not answer): the Bot Connector's word then stands.
 */
export type TenantMembership = (tenantId: string, aadObjectId: string) => Promise<'member' | 'not_member' | 'unknown'>;

export interface BotLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface BotClock {
  now(): Date;
}

/** A person the bot acts for, taken from the activity (`from.aadObjectId`, the conversation's tenant). */
export interface BotUser {
  tenantId: string;
  userId: string;
  name: string | null;
}

/**
 * A message the bot will send proactively. The queue delivers each `key` at most once and retries it
 * until it is delivered (exactly once), at or after `notBefore`; the card is rendered at send time from
 * the current meeting, so a reminder never shows stale times or reaches someone who declined.
 */
export interface OutboundMessage {
  /** Unique per logical message, e.g. `reminder:{meetingId}:{occurrenceStart}:{userId}:{leadMinutes}`. */
  key: string;
  tenantId: string;
  /** Recipient's Entra object id; their stored personal conversation is used. */
  userId: string;
  kind:
    | 'invitation'
    | 'organizer-update'
    | 'reschedule-options'
    | 'reminder'
    | 'change-notice'
    | 'time-proposal'
    | 'reconnect'
    | 'expiry-warning'
    | 'incident-alert'
    | 'follow-up'
    | 'cadence-nudge'
    | 'guest-picked'
    | 'guest-proposed';
  payload: Record<string, unknown>;
  notBefore: Date;
}

export interface OutboundQueue {
  /** Idempotent by key: enqueuing a key that exists (pending or sent) changes nothing. */
  enqueue(messages: readonly OutboundMessage[]): Promise<void>;
  /** Drops pending (unsent) messages whose key starts with the prefix; answers how many. */
  cancelPending(keyPrefix: string): Promise<number>;
}

/**
 * Turns a due message into what to send, or null to skip it (meeting cancelled, recipient declined,
 * reminder time passed). Card builders stay pure; this reads the current state.
 */
export type RenderOutbound = (message: OutboundMessage) => Promise<RenderedOutbound | null>;

export interface RenderedOutbound {
  /** Adaptive Card JSON (v1.5) to send as an attachment. */
  card: Record<string, unknown>;
  /** Text for notifications and clients that cannot render cards. */
  summary: string;
  /** The locale (BCP 47) the card is written in, sent as the activity's `locale`. */
  locale?: string;
}

/* ── The interactive side: what the bot's cards and commands ask of the scheduling core ───────────── */

/** An attendee's answer as Outlook records it; `organizer` for the organizer's own entry. */
export type MeetingResponse = 'none' | 'organizer' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'notResponded';

export interface MeetingPersonView {
  userId: string | null;
  email: string;
  name: string;
  response: MeetingResponse;
  /** The new time this person proposed with their answer, if any. */
  proposed: TimeSlot | null;
}

/** One meeting as one person's card shows it: times in their zone, their answer, what they may do. */
export interface MeetingCardView {
  meetingId: string;
  /** The meeting record's version when read; card actions that change the meeting carry it back. */
  version: number;
  title: string;
  /** The Outlook event's subject when someone changed it there (the title stays Confer's); null when the same. */
  outlookSubject: string | null;
  /** The meeting type's name (e.g. "Mentoring session"), or null. */
  typeName: string | null;
  agenda: string;
  start: Date;
  end: Date;
  /** The viewer's IANA zone (their stored or mailbox zone; the meeting's own when unknown). */
  timeZone: string;
  status: 'scheduled' | 'cancelled';
  recurring: boolean;
  joinUrl: string | null;
  location: string | null;
  organizer: MeetingPersonView;
  attendees: MeetingPersonView[];
  viewer: { userId: string; role: 'organizer' | 'attendee'; response: MeetingResponse };
  /** The meeting's page in the tab: agenda, notes and actions. */
  webUrl: string;
  /** Actions not yet done, oldest first; none for a viewer invited in Outlook only (no access to them). */
  openActions: { title: string; ownerName: string; dueDate: string | null }[];
  /** Occurrences of a series that were moved or cancelled, keyed by their original start. */
  overrides: { originalStart: Date; start: Date; end: Date; cancelled: boolean }[];
}

export interface TimeSlot {
  start: Date;
  end: Date;
}

export interface PersonMatch {
  userId: string;
  email: string;
  name: string;
}

/** An API code (contracts/src/error-codes.ts) the bot uses under the same name: a renamed one does not compile. */
type ApiCode<Code extends ErrorCode> = Code;

/**
 * Why the core refused a bot action: stable codes the bot turns into card-safe errors. Where the card
 * says the same as the API they are the API's codes; `unavailable` stands for every fault the person can
 * only retry (api/src/adapters/bot/action-result.ts maps each API code to one of these).
 */
export type ActionFailureCode =
  | ApiCode<
      | 'not_found'
      | 'forbidden'
      | 'version_conflict'
      | 'meeting_not_editable'
      | 'validation_failed'
      | 'conflicts_found'
      | 'not_connected'
      | 'integration_off'
    >
  | 'unavailable';

/**
 * Codes of refused card actions the person may see; the same code goes into the invoke error response.
 * The core's refusals, and two that only the bot's edge raises: a click it cannot read (`invalid_action`)
 * and a card from another tenant (`wrong_tenant`).
 */
export type ActionErrorCode = ActionFailureCode | 'invalid_action' | 'wrong_tenant';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; code: ActionFailureCode; message: string };

export interface ConnectionNotice {
  status: 'connected' | 'consent_required' | 'expired' | 'outside_scope' | 'not_connected';
  /** Plain words with what to do, from the connection status. */
  message: string;
  /** When the stored connection is known to expire, if known. */
  expiresAt: Date | null;
}

/**
 * The scheduling core as the bot uses it, acting for the person who clicked or typed (their Entra
 * object id and tenant from the activity, never from card data). Every action is scoped to that
 * person: a meeting they are not in is `not_found`, so card data naming someone else's meeting reveals
 * nothing and changes nothing.
 */
export interface SchedulingActions {
  /** The meeting as `user` sees it, or null when it does not exist for them. */
  meetingFor(user: BotUser, meetingId: string): Promise<MeetingCardView | null>;
  /** Records the answer in Outlook as the attendee (and in Confer). */
  respond(
    user: BotUser,
    meetingId: string,
    answer: { response: 'accept' | 'tentative' | 'decline'; proposed?: TimeSlot },
  ): Promise<ActionResult<MeetingCardView>>;
  /** Mutual free times for the same people and duration (organizer only). */
  rescheduleOptions(user: BotUser, meetingId: string, count: number): Promise<ActionResult<TimeSlot[]>>;
  /** Moves the meeting (organizer only), guarded by the version the card was built from. */
  reschedule(user: BotUser, meetingId: string, version: number, slot: TimeSlot): Promise<ActionResult<MeetingCardView>>;
  /** People in the user's directory whose name or address starts with `text`. */
  findPeople(user: BotUser, text: string, limit: number): Promise<ActionResult<PersonMatch[]>>;
  /** Mutual free times with these people, in the user's zone. */
  suggestWith(
    user: BotUser,
    emails: readonly string[],
    durationMinutes: number,
    count: number,
  ): Promise<ActionResult<{ slots: TimeSlot[]; timeZone: string; unreadable: boolean }>>;
  /** Creates a Teams meeting organised by the user. */
  schedule(
    user: BotUser,
    request: { attendees: readonly string[]; start: Date; end: Date; title: string },
  ): Promise<ActionResult<MeetingCardView>>;
  /** The user's next meetings, soonest first. */
  upcoming(user: BotUser, limit: number): Promise<ActionResult<MeetingCardView[]>>;
  /** The user's calendar connection, for reconnect prompts. */
  connection(user: BotUser): Promise<ConnectionNotice>;

  /* After the meeting (follow-ups) and between meetings (cadence nudges). */

  /**
   * One ended occurrence as `user` sees it, with up to `slots` mutual free times for the next meeting (after a
   * held one: around the pair's rhythm; after a no-show: the soonest). Null when the meeting or the occurrence's
   * record does not exist for them.
   */
  followUpFor(
    user: BotUser,
    meetingId: string,
    occurrenceStart: Date,
    options: { slots: number },
  ): Promise<FollowUpView | null>;
  /** The organizer says whether the occurrence was held (in person, or when Teams gave no answer). */
  markHeld(user: BotUser, meetingId: string, occurrenceStart: Date, held: boolean): Promise<ActionResult<FollowUpView>>;
  /** Adds a note to the occurrence, written by `user`: private, or shared with the meeting's people. */
  addNote(
    user: BotUser,
    meetingId: string,
    occurrenceStart: Date,
    note: { body: string; shared: boolean },
  ): Promise<ActionResult<FollowUpView>>;
  /** Adds an action to the occurrence, owned by `user` unless another participant's address is given. */
  addAction(
    user: BotUser,
    meetingId: string,
    occurrenceStart: Date,
    action: { title: string; dueDate: string | null },
  ): Promise<ActionResult<FollowUpView>>;
  /**
   * Books the next meeting with the same people, type, title, length and kind (Teams or in person), organised by
   * `user`, at a slot of that length.
   */
  bookFollowOn(user: BotUser, meetingId: string, slot: TimeSlot): Promise<ActionResult<MeetingCardView>>;
  /** The pair's nudge as `user` sees it, with up to `slots` mutual times; null when `user` is not in that pair. */
  nudgeFor(user: BotUser, partnerId: string, options: { slots: number }): Promise<NudgeView | null>;
  /** Books a meeting with the partner (the pair's last meeting type and length), organised by `user`. */
  bookWithPartner(user: BotUser, partnerId: string, slot: TimeSlot): Promise<ActionResult<MeetingCardView>>;
  /** Turns the person's cadence nudges on or off. */
  setNudges(user: BotUser, enabled: boolean): Promise<ActionResult<{ enabled: boolean }>>;
}

export type AttendanceState = 'pending' | 'held' | 'partly_attended' | 'no_show' | 'unknown';

/** An ended occurrence and what happened, for the follow-up cards. */
export interface FollowUpView {
  meeting: MeetingCardView;
  occurrenceStart: Date;
  occurrenceEnd: Date;
  online: boolean;
  state: AttendanceState;
  /** Everyone invited, with whether they joined and for how long (empty while pending). */
  participants: {
    name: string;
    email: string;
    role: 'organizer' | 'attendee';
    joined: boolean;
    minutesPresent: number;
  }[];
  /** Mutual free times for the next meeting, in `meeting.timeZone`; empty when none were found or asked for. */
  slots: TimeSlot[];
  /** Days between meetings the pair or type expects; null when none. */
  rhythmDays: number | null;
  /** Notes and actions on this occurrence the viewer can see, counted. */
  notes: number;
  actions: number;
}

/** A pair that has not met for longer than its rhythm, as the person nudged sees it. */
export interface NudgeView {
  partner: { userId: string; name: string; email: string };
  lastHeldAt: Date;
  rhythmDays: number;
  typeId: string | null;
  typeName: string | null;
  durationMinutes: number;
  /** Mutual free times, in `timeZone`. */
  slots: TimeSlot[];
  timeZone: string;
  /** A meeting is booked between them now: the nudge no longer applies. */
  booked: boolean;
  /** The viewer's nudges are on. */
  nudgesOn: boolean;
}

/**
 * What each `OutboundMessage.kind` carries in `payload` (JSON). Payloads name the meeting and the
 * event, never its contents: the renderer reads the current meeting at send time.
 */
export interface OutboundPayloads {
  invitation: { meetingId: string };
  'organizer-update': { meetingId: string; attendeeEmail: string; response: MeetingResponse };
  'reschedule-options': { meetingId: string; attendeeEmail: string; version: number };
  reminder: { meetingId: string; occurrenceStart?: string; leadMinutes?: number };
  'change-notice': {
    meetingId: string;
    change: 'rescheduled' | 'updated' | 'cancelled' | 'occurrence-moved' | 'occurrence-cancelled';
    version: number;
    /** ISO start before the change, for "moved from …". */
    previousStart?: string;
    occurrenceStart?: string;
    /** Present when the change was made in Outlook (and reached Confer through sync), not in Confer. */
    origin?: 'outlook';
  };
  /** An attendee proposed a new time in Outlook; the organizer's card accepts it in one click. */
  'time-proposal': {
    meetingId: string;
    attendeeEmail: string;
    /** ISO instants of the proposed time. */
    proposedStart: string;
    proposedEnd: string;
    /** The meeting's version when the proposal arrived. */
    version: number;
  };
  reconnect: Record<string, never>;
  'expiry-warning': { expiresAt?: string };
  /**
   * After an occurrence ended: the follow-up (held), the reschedule prompt (no-show) or, for an in-person meeting,
   * "was it held?". Which card is decided from the attendance record when the message is sent.
   */
  'follow-up': { meetingId: string; occurrenceStart: string };
  /** The pair has not met for longer than its rhythm; `lastHeldEnd` names the held meeting the nudge follows. */
  'cadence-nudge': { partnerId: string; lastHeldEnd: string };
  /** An incident of the Outlook integration, as it was when the notice was planned, to an integration owner. */
  'incident-alert': {
    incidentId: string;
    incidentKind: string;
    notice: 'opened' | 'reminder' | 'resolved';
    title: string;
    summary: string;
    advice: string;
    affected: number;
    openedAt: string;
    resolvedAt?: string;
  };
  /**
   * A guest outside the tenant answered the times offered through their link: picked one (the meeting has moved)
   * or proposed another, with an optional note. ISO instants; the key is the offer's, so each offer tells once.
   */
  'guest-picked': GuestAnswerPayload;
  'guest-proposed': GuestAnswerPayload;
}

/** What the organizer's card about a guest's answer reads (see OutboundPayloads). */
export interface GuestAnswerPayload {
  meetingId: string;
  offerId: string;
  attendeeEmail: string;
  start: string;
  end: string;
  message?: string;
}
