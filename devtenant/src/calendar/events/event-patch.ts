import { parseTimes, toAttendees, toLocation } from './event-content.ts';
import type { RandomBytes } from './event-ids.ts';
import type { EventPatchInput } from './event-input.ts';
import type { EventContent } from './event-model.ts';
import { bodyHasJoinBlock, createTeamsMeeting, teamsJoinBlock } from './online-meeting.ts';

export interface ContentDeps {
  random: RandomBytes;
  tenantId: string;
  organizerId: string;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', '<br>');
}

function withJoinBlock(body: EventContent['body'], block: string): EventContent['body'] {
  const html = body.contentType === 'html' ? body.content : escapeHtml(body.content);
  return { contentType: 'html', content: `${html}\n${block}` };
}

/**
 * Online-meeting rules (docs/reference/graph-calendar.md §3, docs/reference/user-expectations.md §2): turning
 * it on with teamsForBusiness creates the meeting and its join block; it cannot be turned off or switched to
 * another provider; a body written without the join block loses the meeting's join information (Graph derives
 * `onlineMeeting` from that blob).
 */
function applyOnlineMeeting(next: EventContent, patch: EventPatchInput, deps: ContentDeps): void {
  const wasOnline = next.isOnlineMeeting && next.onlineMeeting !== null;
  if (wasOnline) {
    next.isOnlineMeeting = true;
    next.onlineMeetingProvider = 'teamsForBusiness';
    const meeting = next.onlineMeeting;
    if (patch.body !== undefined && meeting && !bodyHasJoinBlock(next.body.content, meeting)) {
      next.onlineMeeting = null;
      next.isOnlineMeeting = false;
    }
    return;
  }
  if (patch.isOnlineMeeting !== true) return;
  const provider = patch.onlineMeetingProvider ?? 'teamsForBusiness';
  // The tenant allows Teams only; Graph silently leaves other providers offline (docs#9741).
  const useTeams = provider === 'teamsForBusiness' || provider === 'unknown';
  if (!useTeams) {
    next.isOnlineMeeting = false;
    next.onlineMeetingProvider = provider;
    return;
  }
  const meeting = createTeamsMeeting(deps.random, deps.tenantId, deps.organizerId);
  next.isOnlineMeeting = true;
  next.onlineMeetingProvider = 'teamsForBusiness';
  next.onlineMeeting = meeting;
  next.body = withJoinBlock(next.body, teamsJoinBlock(meeting));
}

function applyScalars(next: EventContent, patch: EventPatchInput): void {
  if (patch.subject !== undefined) next.subject = patch.subject ?? '';
  if (patch.body !== undefined) {
    next.body = { contentType: patch.body.contentType ?? 'text', content: patch.body.content ?? '' };
  }
  if (patch.showAs !== undefined) next.showAs = patch.showAs;
  if (patch.sensitivity !== undefined) next.sensitivity = patch.sensitivity;
  if (patch.importance !== undefined) next.importance = patch.importance;
  if (patch.categories !== undefined) next.categories = patch.categories;
  if (patch.isReminderOn !== undefined) next.isReminderOn = patch.isReminderOn;
  if (patch.reminderMinutesBeforeStart !== undefined)
    next.reminderMinutesBeforeStart = patch.reminderMinutesBeforeStart;
  if (patch.responseRequested !== undefined) next.responseRequested = patch.responseRequested;
  if (patch.allowNewTimeProposals !== undefined) next.allowNewTimeProposals = patch.allowNewTimeProposals;
  if (patch.hideAttendees !== undefined) next.hideAttendees = patch.hideAttendees;
}

function applyLocations(next: EventContent, patch: EventPatchInput): void {
  // Setting `location` replaces `locations` (docs/reference/graph-calendar.md §3).
  if (patch.location !== undefined) {
    next.location = toLocation(patch.location);
    next.locations = next.location.displayName ? [next.location] : [];
  } else if (patch.locations !== undefined) {
    next.locations = patch.locations.map(toLocation).filter((l) => l.displayName !== '');
    next.location = next.locations[0] ?? toLocation(null);
  }
}

/** Applies a create/update body to event content and returns the new content; throws 400 and writes nothing. */
export function applyContentPatch(current: EventContent, patch: EventPatchInput, deps: ContentDeps): EventContent {
  const next: EventContent = { ...current };
  applyScalars(next, patch);
  applyLocations(next, patch);
  if (patch.attendees !== undefined) next.attendees = toAttendees(patch.attendees, current.attendees);
  const timesChanged = patch.start !== undefined || patch.end !== undefined || patch.isAllDay !== undefined;
  if (timesChanged) {
    const isAllDay = patch.isAllDay ?? current.isAllDay;
    Object.assign(next, parseTimes(patch.start ?? current.start, patch.end ?? current.end, isAllDay), { isAllDay });
  }
  applyOnlineMeeting(next, patch, deps);
  return next;
}
