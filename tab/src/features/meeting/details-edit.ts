import { LIMITS, type MeetingDto, meetingSchema } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import { type AuthedApi, callApi } from '../../lib/authed-api.ts';

export interface DetailsPerson {
  readonly userId: string | null;
  readonly email: string;
  readonly displayName: string;
}

/** What the edit form holds: the organizer's draft of the meeting's details. */
export interface DetailsDraft {
  readonly title: string;
  readonly agenda: string;
  readonly people: readonly DetailsPerson[];
  /** Only used for in-person meetings; a Teams meeting's place is its join link. */
  readonly location: string;
}

/** The PATCH body fields that change details (never time): only what differs from the meeting. */
export interface DetailsChange {
  title?: string;
  agenda?: string;
  attendees?: string[];
  location?: string | null;
}

export type DraftProblems = Partial<Record<'title' | 'agenda' | 'people' | 'location', string>>;

export function draftOf(meeting: MeetingDto): DetailsDraft {
  return {
    title: meeting.title,
    agenda: meeting.agenda,
    people: meeting.attendees.map((a) => ({ userId: a.userId, email: a.email, displayName: a.displayName })),
    location: meeting.location ?? '',
  };
}

/** The same limits the API checks (contracts `updateMeetingRequestSchema`), said before sending. */
export function problemsOf({ t }: Translator, draft: DetailsDraft): DraftProblems {
  const problems: DraftProblems = {};
  const title = draft.title.trim();
  if (!title) problems.title = t('schedule.form.titleMissing');
  else if (title.length > LIMITS.maxTitle)
    problems.title = t('meeting.edit.titleTooLong', { max: LIMITS.maxTitle + 1 });
  if (draft.agenda.length > LIMITS.maxAgenda) {
    problems.agenda = t('meeting.edit.agendaTooLong', { max: LIMITS.maxAgenda + 1 });
  }
  if (draft.people.length === 0) problems.people = t('meeting.edit.needPerson');
  if (draft.location.trim().length > LIMITS.maxLocation) {
    problems.location = t('meeting.edit.placeTooLong', { max: LIMITS.maxLocation + 1 });
  }
  return problems;
}

/** Only the fields that changed, so an unchanged agenda does not rewrite the invitation's body in Outlook. */
export function changeOf(meeting: MeetingDto, draft: DetailsDraft): DetailsChange {
  const change: DetailsChange = {};
  const title = draft.title.trim();
  if (title !== meeting.title) change.title = title;
  if (draft.agenda !== meeting.agenda) change.agenda = draft.agenda;
  const before = meeting.attendees.map((a) => a.email.toLowerCase());
  const after = draft.people.map((p) => p.email.toLowerCase());
  if (before.length !== after.length || after.some((email) => !before.includes(email))) change.attendees = after;
  if (!meeting.online) {
    const location = draft.location.trim() || null;
    if (location !== meeting.location) change.location = location;
  }
  return change;
}

export function hasChanges(change: DetailsChange): boolean {
  return Object.keys(change).length > 0;
}

/** PATCH /api/meetings/{id}: `version` makes the API refuse (409 version_conflict) if someone saved first. */
export function saveDetails(
  api: AuthedApi,
  meeting: MeetingDto,
  change: DetailsChange,
  acceptConflicts: boolean,
): Promise<MeetingDto> {
  return callApi(api, 'PATCH', `/api/meetings/${encodeURIComponent(meeting.id)}`, meetingSchema, {
    version: meeting.version,
    ...change,
    acceptConflicts,
  });
}

/** Who is new, for the summary after saving. */
export function addedPeople(meeting: MeetingDto, saved: MeetingDto): string[] {
  const before = new Set(meeting.attendees.map((a) => a.email.toLowerCase()));
  return saved.attendees.filter((a) => !before.has(a.email.toLowerCase())).map((a) => a.displayName);
}
