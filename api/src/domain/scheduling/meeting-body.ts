/**
 * The invitation body Outlook shows: the agenda and a link back to the meeting in Confer. Plain HTML,
 * escaped; Graph appends the Teams join block itself for online meetings (docs/reference/graph-calendar.md §3), which
 * updates must then preserve.
 */
export function buildMeetingBody(input: { agenda: string; meetingUrl: string; typeName: string | null }): string {
  const agenda = input.agenda.trim();
  const parts = [
    input.typeName ? `<p><strong>${escapeHtml(input.typeName)}</strong></p>` : '',
    agenda ? `<p>${escapeHtml(agenda).replace(/\r?\n/g, '<br>')}</p>` : '',
    `<p><a href="${escapeHtml(input.meetingUrl)}">Open in Confer</a> for the agenda, notes and actions.</p>`,
  ];
  return `<div data-confer="body">${parts.join('')}</div>`;
}

export function meetingUrl(tabUrl: string, meetingId: string): string {
  return `${tabUrl}/#/meetings/${encodeURIComponent(meetingId)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
