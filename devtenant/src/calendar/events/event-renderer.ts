import { DateTime } from 'luxon';
import { formatGraphLocal, toDateTimeTimeZone, toUtcIso } from '../time/date-time.ts';
import { requireIana } from '../time/time-zones.ts';
import { occurrenceICalUId } from './event-ids.ts';
import type { EventContent, EventInstance } from './event-model.ts';
import { occurrenceTimes } from './instance-expander.ts';

export interface RenderOptions {
  /**
   * Zone name from `Prefer: outlook.timezone` (echoed as given), `UTC` without the header
   * (docs/reference/graph-calendar.md §9).
   */
  zone: string;
  /** From `Prefer: outlook.body-content-type`; Graph returns HTML by default. */
  bodyType: 'html' | 'text';
  /** Calendars.ReadBasic callers get events without body (docs/reference/graph-calendar.md §8). */
  includeBody: boolean;
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function textToHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', '<br>');
}

function renderBody(body: EventContent['body'], type: 'html' | 'text'): { contentType: string; content: string } {
  const html = body.contentType === 'html' ? body.content : textToHtml(body.content);
  if (type === 'text') return { contentType: 'text', content: htmlToText(html) };
  const wrapped = /^\s*<html/i.test(html)
    ? html
    : `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
  return { contentType: 'html', content: wrapped };
}

/** All-day events float: midnight-to-midnight dates shown at midnight in whatever zone is requested. */
function renderTimes(content: EventContent, zone: string) {
  if (!content.isAllDay) {
    return { start: toDateTimeTimeZone(content.startMs, zone), end: toDateTimeTimeZone(content.endMs, zone) };
  }
  const eventZone = requireIana(content.start.timeZone);
  const target = requireIana(zone);
  const floating = (ms: number) => {
    const local = DateTime.fromMillis(ms, { zone: eventZone });
    const shown = DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: target });
    return { dateTime: formatGraphLocal(shown), timeZone: zone };
  };
  return { start: floating(content.startMs), end: floating(content.endMs) };
}

/** The Graph JSON of one event as its mailbox owner sees it (docs/reference/graph-calendar.md §3, "Create"). */
export function renderEvent(instance: EventInstance, options: RenderOptions): Record<string, unknown> {
  const { record, content } = instance;
  const isSeriesItem = instance.type === 'occurrence' || instance.type === 'exception';
  const preview = htmlToText(
    content.body.contentType === 'html' ? content.body.content : textToHtml(content.body.content),
  );
  const event: Record<string, unknown> = {
    '@odata.etag': `W/"${instance.changeKey}"`,
    id: instance.id,
    createdDateTime: toUtcIso(record.createdMs),
    lastModifiedDateTime: toUtcIso(instance.lastModifiedMs),
    changeKey: instance.changeKey,
    categories: content.categories,
    transactionId: record.transactionId,
    // Occurrences and exceptions name the start the pattern gave them (UTC), their key across moves.
    ...(isSeriesItem
      ? { originalStart: toUtcIso(occurrenceTimes(record, instance.occurrenceDate as string).startMs) }
      : {}),
    originalStartTimeZone: record.originalStartTimeZone,
    originalEndTimeZone: record.originalEndTimeZone,
    iCalUId: isSeriesItem ? occurrenceICalUId(record.iCalUId, instance.occurrenceDate as string) : record.iCalUId,
    reminderMinutesBeforeStart: content.reminderMinutesBeforeStart,
    isReminderOn: content.isReminderOn,
    hasAttachments: false,
    subject: content.subject,
    bodyPreview: options.includeBody ? preview.slice(0, 255) : '',
    importance: content.importance,
    sensitivity: content.sensitivity,
    isAllDay: content.isAllDay,
    isCancelled: content.isCancelled,
    isOrganizer: record.isOrganizer,
    responseRequested: content.responseRequested,
    seriesMasterId: isSeriesItem ? record.id : null,
    showAs: content.showAs,
    type: instance.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(instance.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: content.isOnlineMeeting,
    onlineMeetingProvider: content.onlineMeetingProvider,
    allowNewTimeProposals: content.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: content.hideAttendees,
    responseStatus: content.responseStatus,
    ...(options.includeBody ? { body: renderBody(content.body, options.bodyType) } : {}),
    ...renderTimes(content, options.zone),
    location: content.location,
    locations: content.locations,
    recurrence: instance.type === 'seriesMaster' ? record.recurrence : null,
    attendees: content.attendees,
    organizer: record.organizer,
    onlineMeeting: content.onlineMeeting,
  };
  return event;
}

/** `$select` keeps the listed properties plus `@odata.etag` and `id`, as Graph does. */
export function selectFields(
  event: Record<string, unknown>,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  if (!select) return event;
  const picked: Record<string, unknown> = { '@odata.etag': event['@odata.etag'], id: event.id };
  for (const field of select) if (field in event) picked[field] = event[field];
  return picked;
}
