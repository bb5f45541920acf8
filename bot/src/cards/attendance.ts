import type { FollowUpView } from '../ports.ts';

type Participant = FollowUpView['participants'][number];

/** Who the viewer met, who did not join, and for how long they were together, from the occurrence's record. */
export interface Attendance {
  /** The viewer's own entry, when the record has one. */
  viewer: Participant | null;
  /** The others who joined (for a held meeting without a record of who joined: everyone else invited). */
  joined: string[];
  /** The others who did not join. */
  missing: string[];
  /** Minutes the viewer and the others spent together, as far as the record tells; null when it does not. */
  minutes: number | null;
}

/** The viewer's address: from their entry in the meeting, or the organizer's when they organise it. */
function viewerEmail(view: FollowUpView): string | null {
  const { meeting } = view;
  const person = [meeting.organizer, ...meeting.attendees].find((p) => p.userId === meeting.viewer.userId);
  if (person) return person.email.toLowerCase();
  return meeting.viewer.role === 'organizer' ? meeting.organizer.email.toLowerCase() : null;
}

export function attendanceOf(view: FollowUpView): Attendance {
  const email = viewerEmail(view);
  const viewer = view.participants.find((p) => p.email.toLowerCase() === email) ?? null;
  const others = view.participants.filter((p) => p !== viewer);
  const joined = others.filter((p) => p.joined);
  const longest = Math.max(0, ...joined.map((p) => p.minutesPresent));
  const own = viewer?.joined ? viewer.minutesPresent : 0;
  const known = [own, longest].filter((minutes) => minutes > 0);
  const minutes = known.length ? Math.min(...known) : null;
  // A meeting the organizer said took place (in person) has no record of who joined: everyone did.
  if (view.state === 'held' && !view.participants.some((p) => p.joined)) {
    return { viewer: null, joined: othersInvited(view, email), missing: [], minutes: null };
  }
  return {
    viewer,
    joined: joined.map((p) => p.name),
    missing: others.filter((p) => !p.joined).map((p) => p.name),
    minutes,
  };
}

/** Everyone invited but the viewer, by the meeting's own list. */
export function othersInvited(view: FollowUpView, email: string | null = viewerEmail(view)): string[] {
  const { meeting } = view;
  return [meeting.organizer, ...meeting.attendees].filter((p) => p.email.toLowerCase() !== email).map((p) => p.name);
}

/** The addresses of everyone invited but the viewer, to book with them in the tab. */
export function otherEmails(view: FollowUpView): string[] {
  const email = viewerEmail(view);
  const { meeting } = view;
  return [meeting.organizer, ...meeting.attendees].map((p) => p.email).filter((e) => e.toLowerCase() !== email);
}
