import type {
  BusyBlock,
  CalendarReadStatus,
  Interval,
  RecurrenceRule,
  WorkingHours,
} from '../domain/scheduling/model.ts';
import type { Identity } from './identity.ts';

/**
 * Whose authority a Graph call runs under (docs/reference/design.md §4).
 * - `user`: per-user mode, in a request: On-Behalf-Of exchange of the caller's API token.
 * - `stored-user`: per-user mode, in the background (bot, reconciler, sync): the user's refresh token
 *   from the encrypted token cache; fails with `connection_expired`/`consent_required` when it cannot.
 * - `app`: tenant-wide mode: client credentials (application permissions).
 */
export type GraphActor =
  | { kind: 'user'; identity: Identity }
  | { kind: 'stored-user'; tenantId: string; userId: string }
  | { kind: 'app'; tenantId: string };

/** The mailbox a call addresses: `/users/{userId}` (or `/me` for a `user` actor acting on itself). */
export interface MailboxRef {
  userId: string;
  email: string;
}

export interface ScheduleQuery {
  actor: GraphActor;
  /** getSchedule is called on this mailbox; its own items come back with subjects. */
  organizer: MailboxRef;
  /** Everyone to read, the organizer included, at most 20 per Graph request (the adapter splits). */
  addresses: readonly string[];
  window: Interval;
  /** availabilityViewInterval in minutes (5..1440). */
  intervalMinutes: number;
}

export interface ScheduleAnswer {
  email: string;
  status: CalendarReadStatus;
  /** IANA zone from the returned working hours; null when unknown. */
  timeZone: string | null;
  workingHours: WorkingHours | null;
  blocks: readonly BusyBlock[];
}

export type AttendeeResponse = 'none' | 'organizer' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'notResponded';

export interface EventAttendee {
  email: string;
  name: string;
  type: 'required' | 'optional';
}

export interface EventDraft {
  subject: string;
  /** HTML body: agenda and a link back to the meeting in the tab. */
  bodyHtml: string;
  start: Date;
  end: Date;
  /** IANA zone the event is created in (recurrences expand in it). */
  timeZone: string;
  attendees: readonly EventAttendee[];
  /** Teams meeting (`isOnlineMeeting` + `teamsForBusiness`) or an in-person location. */
  online: boolean;
  location: string | null;
  recurrence: RecurrenceRule | null;
  /** Idempotency key for the create (docs/reference/graph-calendar.md §3): a retry never makes a second event. */
  transactionId: string;
  allowNewTimeProposals: boolean;
}

export interface EventRecord {
  id: string;
  iCalUId: string;
  changeKey: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId: string | null;
  subject: string;
  start: Date;
  end: Date;
  isCancelled: boolean;
  isOnlineMeeting: boolean;
  /** The location's display name; null when none is set. */
  location: string | null;
  /** For an occurrence or exception: the start the series pattern gave it (its stable key); else null. */
  originalStart: Date | null;
  joinUrl: string | null;
  webLink: string | null;
  transactionId: string | null;
  /** The body as Graph holds it, so a PATCH can preserve the Teams join block. */
  bodyHtml: string;
  attendees: readonly {
    email: string;
    name: string;
    response: AttendeeResponse;
    proposedNewTime: Interval | null;
  }[];
  /** The mailbox owner's own response (organizer, or an attendee's copy). */
  ownResponse: AttendeeResponse;
}

export interface EventPatch {
  subject?: string;
  bodyHtml?: string;
  start?: Date;
  end?: Date;
  timeZone?: string;
  attendees?: readonly EventAttendee[];
  location?: string | null;
}

/** One round of `calendarView/delta` (docs/reference/graph-calendar.md §5), every page followed. */
export interface DeltaRound {
  /** Items added or changed since the last round (all of them on a first round): instances, not series masters. */
  changed: EventRecord[];
  /** Ids Graph reported as `@removed` (deleted, cancelled, or moved out of the window). */
  removed: string[];
  /** The link the next round starts from. */
  deltaLink: string;
}

export type ResponseKind = 'accept' | 'tentative' | 'decline';

/**
 * Everything Confer does to Outlook calendars. Graph details — throttling and Retry-After, paging,
 * batching, Windows↔IANA zones, error codes — stay inside the adapter; errors come out as AppError.
 */
export interface SchedulingGateway {
  /** Free/busy, working hours and (own) titles: one getSchedule request per 20 addresses and nothing else. */
  getSchedules(query: ScheduleQuery): Promise<ScheduleAnswer[]>;
  /** Creates on the organizer's calendar (Outlook sends the invitations). Verifies the Teams join URL came back. */
  createEvent(actor: GraphActor, mailbox: MailboxRef, draft: EventDraft): Promise<EventRecord>;
  /** The event a create with this transactionId made, if any (reconciler after a crash). */
  findEventByTransactionId(
    actor: GraphActor,
    mailbox: MailboxRef,
    transactionId: string,
    around: Interval,
  ): Promise<EventRecord | null>;
  /** Null when the event no longer exists. */
  getEvent(actor: GraphActor, mailbox: MailboxRef, eventId: string): Promise<EventRecord | null>;
  /**
   * Several events of one mailbox in as few requests as Graph allows (`$batch`, 20 requests each). The map has
   * every asked id: null for an event that no longer exists.
   */
  getEvents(
    actor: GraphActor,
    mailbox: MailboxRef,
    eventIds: readonly string[],
  ): Promise<Map<string, EventRecord | null>>;
  /**
   * A delta round of the mailbox's calendar view over `window`: from scratch when `deltaLink` is null, otherwise
   * from that link. An expired or unknown link is AppError `sync_state_lost` (Graph's 410 syncStateNotFound).
   */
  calendarDelta(
    actor: GraphActor,
    mailbox: MailboxRef,
    window: Interval,
    deltaLink: string | null,
  ): Promise<DeltaRound>;
  /** A person's own copy of a meeting (attendee side), found by iCalUId around its time. */
  findEventByICalUId(
    actor: GraphActor,
    mailbox: MailboxRef,
    iCalUId: string,
    around: Interval,
  ): Promise<EventRecord | null>;
  /** Occurrences and exceptions of a series in a window. */
  listInstances(
    actor: GraphActor,
    mailbox: MailboxRef,
    seriesMasterId: string,
    window: Interval,
  ): Promise<EventRecord[]>;
  /** PATCH; `ifMatch` is the changeKey Confer last saw (412 → AppError `conflict`). Preserves the Teams join block. */
  updateEvent(
    actor: GraphActor,
    mailbox: MailboxRef,
    eventId: string,
    patch: EventPatch,
    ifMatch?: string,
  ): Promise<EventRecord>;
  /** Organizer cancel with a message (attendees get a cancellation). */
  cancelEvent(actor: GraphActor, mailbox: MailboxRef, eventId: string, comment: string): Promise<void>;
  /** Attendee response on their own copy; `proposedNewTime` only with tentative/decline. */
  respond(
    actor: GraphActor,
    mailbox: MailboxRef,
    eventId: string,
    response: ResponseKind,
    options: { comment?: string; proposedNewTime?: Interval; sendResponse: boolean },
  ): Promise<void>;
}
