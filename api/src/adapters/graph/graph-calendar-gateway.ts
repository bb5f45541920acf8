import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { CalendarEntry, CalendarGateway, MailboxProfile } from '../../ports/calendar-gateway.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { Identity } from '../../ports/identity.ts';
import { clientFor as clientForActor, PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';
import {
  GRAPH_USER_FIELDS,
  type GraphEvent,
  graphEventSchema,
  graphMailboxSettingsSchema,
  graphPageSchema,
  graphUserSchema,
} from './graph-schemas.ts';
import { toIanaZone, toInstant } from './graph-time.ts';
import { createJoinUrlCheck, type JoinUrlCheck } from './teams-join-url.ts';

const EVENT_FIELDS =
  'id,subject,start,end,isAllDay,showAs,type,sensitivity,location,isOnlineMeeting,onlineMeeting,organizer,isOrganizer,isCancelled';
/** A week of a busy calendar fits in a few pages; the cap stops a misbehaving server from looping us forever. */
const MAX_PAGES = 50;

export interface GraphCalendarGatewayDeps {
  tokens: GraphTokenProvider;
  createClient: GraphClientFactory;
  logger: Logger;
  /** `host[:port]` of the local tenant, whose join links are accepted besides Teams' own (teams-join-url.ts). */
  localJoinHost?: string | null;
}

/** The signed-in person's own week; an event's join link is shown only when it is a Teams meeting link. */
export function createGraphCalendarGateway(deps: GraphCalendarGatewayDeps): CalendarGateway {
  const joinUrls = createJoinUrlCheck({ localHost: deps.localJoinHost ?? null, logger: deps.logger });
  const clientFor = (identity: Identity) => clientForActor(deps, { kind: 'user', identity });

  return {
    async getProfile(identity) {
      const client = await clientFor(identity);
      const [user, settings] = await Promise.all([
        call(() => client.api('/me').select(GRAPH_USER_FIELDS).get()),
        call(() => client.api('/me/mailboxSettings').select('timeZone').get()),
      ]);
      const me = parse(graphUserSchema, user, 'user');
      const zone = toIanaZone(parse(graphMailboxSettingsSchema, settings, 'mailboxSettings').timeZone) ?? 'UTC';
      return {
        id: me.id,
        displayName: me.displayName ?? me.userPrincipalName,
        userPrincipalName: me.userPrincipalName,
        timeZone: zone,
      } satisfies MailboxProfile;
    },

    async listCalendarView(identity, window) {
      const client = await clientFor(identity);
      // calendarView expands recurring series into occurrences; /events would return masters only
      // and hide busy time (docs/reference/user-expectations.md §1).
      const first = await call(() =>
        client
          .api('/me/calendarView')
          .query({ startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() })
          .select(EVENT_FIELDS)
          .orderby('start/dateTime')
          .top(100)
          .header('Prefer', PREFER_UTC)
          .get(),
      );
      const raw = await collectPages(client, first);
      return raw.map((item) => toEntry(parse(graphEventSchema, item, 'event'), joinUrls));
    },
  };
}

async function collectPages(client: Client, first: unknown): Promise<unknown[]> {
  const items: unknown[] = [];
  let page = parse(graphPageSchema, first, 'page');
  for (let count = 1; ; count++) {
    items.push(...page.value);
    const next = page['@odata.nextLink'];
    if (!next) return items;
    if (count >= MAX_PAGES) throw new AppError('graph_bad_response', 'Microsoft Graph returned too many pages.');
    page = parse(graphPageSchema, await call(() => client.api(next).header('Prefer', PREFER_UTC).get()), 'page');
  }
}

function toEntry(event: GraphEvent, joinUrls: JoinUrlCheck): CalendarEntry {
  return {
    id: event.id,
    subject: event.subject ?? '',
    start: toInstant(event.start),
    end: toInstant(event.end),
    isAllDay: event.isAllDay,
    showAs: event.showAs,
    type: event.type,
    sensitivity: event.sensitivity,
    location: event.location?.displayName || null,
    isOnlineMeeting: event.isOnlineMeeting ?? false,
    joinUrl: joinUrls(event.onlineMeeting?.joinUrl, event.id),
    organizer: event.organizer?.emailAddress.name ?? event.organizer?.emailAddress.address ?? null,
    isOrganizer: event.isOrganizer,
    isCancelled: event.isCancelled,
  };
}
