import { createHash } from 'node:crypto';

/** What a Teams meetup-join link carries: the meeting's chat thread and, in `context`, tenant and organizer. */
export interface JoinUrlParts {
  /** `19:meeting_…@thread.v2` */
  threadId: string;
  tenantId: string | null;
  organizerId: string | null;
}

/**
 * Decodes percent-escapes until the text stops changing. A join URL reaches devtenant as stored
 * (`19%3ameeting_…`), decoded once by the query string parser, or encoded once more by a client that followed
 * "joinWebUrl must be URL encoded"; all of them compare equal in this form.
 */
export function fullyDecoded(text: string): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

export function sameJoinUrl(a: string, b: string): boolean {
  return fullyDecoded(a) === fullyDecoded(b);
}

const MEETUP_JOIN =
  /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/(19:meeting_[^@/?]+@thread\.v2)\/\d+(?:\?context=(.*))?$/i;

/** Parses a meetup-join link; undefined for anything else (a channel meeting, a malformed link). */
export function parseJoinUrl(url: string): JoinUrlParts | undefined {
  const match = MEETUP_JOIN.exec(fullyDecoded(url).trim());
  if (!match?.[1]) return undefined;
  let tenantId: string | null = null;
  let organizerId: string | null = null;
  if (match[2]) {
    try {
      const context = JSON.parse(match[2]) as Record<string, unknown>;
      for (const [key, value] of Object.entries(context)) {
        if (typeof value !== 'string') continue;
        if (key.toLowerCase() === 'tid') tenantId = value.toLowerCase();
        if (key.toLowerCase() === 'oid') organizerId = value.toLowerCase();
      }
    } catch {
      // A link without a readable context names no organizer; it matches no meeting.
    }
  }
  return { threadId: match[1], tenantId, organizerId };
}

/**
 * The onlineMeeting id Graph uses for a calendar-scheduled Teams meeting: base64 of `1*{organizer oid}*0**{thread}`
 * (the ids in Microsoft's examples decode to this shape, e.g. `MSpkYzE3Njc0Yy04MWQ5…`).
 */
export function meetingIdOf(organizerId: string, threadId: string): string {
  return Buffer.from(`1*${organizerId}*0**${threadId}`, 'utf8').toString('base64');
}

const MEETING_ID_TEXT = /^1\*([^*]+)\*0\*\*(19:meeting_[^@/?]+@thread\.v2)$/;

/** Organizer and thread from a meeting id; undefined when the id is not one (Graph: "Meeting Id is corrupted."). */
export function parseMeetingId(id: string): { organizerId: string; threadId: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return undefined;
  const match = MEETING_ID_TEXT.exec(Buffer.from(id, 'base64').toString('utf8'));
  if (!match?.[1] || !match[2]) return undefined;
  return { organizerId: match[1].toLowerCase(), threadId: match[2] };
}

/** A stable 12-digit `joinMeetingIdSettings.joinMeetingId` for a thread (Teams shows it as "Meeting ID"). */
export function joinMeetingIdOf(threadId: string): string {
  const digest = createHash('sha256').update(threadId).digest();
  const digits = Array.from(digest.subarray(0, 12), (byte) => String(byte % 10)).join('');
  return `${(Number(digits[0]) % 9) + 1}${digits.slice(1)}`;
}
