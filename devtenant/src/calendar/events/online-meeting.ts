import type { RandomBytes } from './event-ids.ts';
import type { OnlineMeetingInfo } from './event-model.ts';

/**
 * A Teams meeting created through the event (isOnlineMeeting + teamsForBusiness) gets an `onlineMeeting`
 * with a meetup-join URL and a conference id, and Exchange writes the join block into the body
 * (docs/reference/graph-calendar.md §3).
 */
export function createTeamsMeeting(random: RandomBytes, tenantId: string, organizerId: string): OnlineMeetingInfo {
  const thread = Buffer.from(random(36)).toString('base64url').replaceAll('-', 'A').replaceAll('_', 'B').slice(0, 48);
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId })).toLowerCase();
  const digits = Array.from(random(10), (byte) => String(byte % 10)).join('');
  const conferenceId = `${(Number(digits[0]) % 9) + 1}${digits.slice(1, 9)}`;
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    conferenceId,
    tollNumber: '+1 323-555-0166',
    tollFreeNumbers: [],
    quickDial: `+1 323-555-0166,,${conferenceId}#`,
    phones: [{ number: '+1 323-555-0166', type: 'toll' }],
  };
}

const BLOCK_START = '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">';

/** The Teams join block Exchange appends to the HTML body of an online meeting. */
export function teamsJoinBlock(meeting: OnlineMeetingInfo): string {
  const id = meeting.conferenceId.replace(/(\d{3})(?=\d)/g, '$1 ');
  return [
    `${BLOCK_START}${'_'.repeat(80)}</span></div>`,
    '<div class="me-email-text" lang="en-US" style="color:#242424;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif">',
    '<div style="margin-top:24px;margin-bottom:20px"><span style="font-size:24px;color:#252424">Microsoft Teams meeting</span></div>',
    '<div style="margin-bottom:20px"><div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px;color:#252424">Join on your computer, mobile app or room device</span></div>',
    `<a class="me-email-headline" href="${meeting.joinUrl}" target="_blank" rel="noreferrer noopener" style="font-size:14px;text-decoration:underline;color:#6264a7">Click here to join the meeting</a></div>`,
    `<div style="margin-bottom:20px"><span style="font-size:14px;color:#252424">Meeting ID: ${id}</span></div>`,
    `<div style="margin-bottom:24px"><span style="font-size:14px;color:#252424">Dial in by phone: <a href="tel:${meeting.quickDial}">${meeting.tollNumber}</a>, Phone conference ID: ${meeting.conferenceId}#</span></div>`,
    `${BLOCK_START}${'_'.repeat(80)}</span></div></div>`,
  ].join('\n');
}

/**
 * Whether a body still carries the join link; Graph derives `onlineMeeting` from this blob
 * (docs/reference/graph-calendar.md §3).
 */
export function bodyHasJoinBlock(content: string, meeting: OnlineMeetingInfo): boolean {
  return content.includes(meeting.joinUrl) || content.includes(meeting.joinUrl.replaceAll('&', '&amp;'));
}
