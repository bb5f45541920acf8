import type { Request, Router } from 'express';
import { GraphHttpError } from '../../graph/context.ts';
import type { CalendarDeps } from '../calendar-deps.ts';
import type { DeltaPageState } from '../calendar-store.ts';
import { currentView, startRound } from '../delta/delta-query.ts';
import { newDeltaToken, windowOfToken } from '../delta/delta-tokens.ts';
import { renderEvent } from '../events/event-renderer.ts';
import { parseQueryInstant } from '../time/date-time.ts';
import { absoluteUrl } from './paging.ts';
import { READ_EVENTS } from './permissions.ts';
import {
  type MailboxRequest,
  openMailbox,
  queryParam,
  renderOptions,
  setPreferenceApplied,
} from './request-context.ts';

/**
 * Delta pages default to 10 items like other Outlook collections; `Prefer: odata.maxpagesize` changes it
 * (docs/reference/graph-calendar.md §5).
 */
const DEFAULT_DELTA_PAGE = 10;
const UNSUPPORTED = ['$select', '$filter', '$orderby', '$expand', '$search', '$top'];

function syncStateNotFound(deps: CalendarDeps, req: Request, token: string): GraphHttpError {
  const window = windowOfToken(token);
  const restart = window
    ? absoluteUrl(deps.ctx.baseUrl, req, new URLSearchParams({ startDateTime: window.start, endDateTime: window.end }))
    : undefined;
  return new GraphHttpError(
    410,
    'syncStateNotFound',
    'The sync state generation is not found. Please start a new sync without a delta token.',
    restart ? { Location: restart } : {},
  );
}

function openRound(deps: CalendarDeps, req: Request, opened: MailboxRequest): DeltaPageState {
  const skipToken = queryParam(req, '$skiptoken');
  const deltaToken = queryParam(req, '$deltatoken');
  if (skipToken !== undefined) {
    const page = deps.store.deltaPage(skipToken);
    if (!page || page.mailboxId !== opened.mailbox.id) throw syncStateNotFound(deps, req, skipToken);
    deps.store.dropDeltaPage(skipToken);
    return page;
  }
  if (deltaToken !== undefined) {
    const sync = deps.store.deltaToken(deltaToken);
    if (!sync || sync.mailboxId !== opened.mailbox.id) throw syncStateNotFound(deps, req, deltaToken);
    return startRound(deps, sync, false);
  }
  const fromMs = parseQueryInstant(queryParam(req, 'startDateTime'), 'startDateTime');
  const toMs = parseQueryInstant(queryParam(req, 'endDateTime'), 'endDateTime');
  return startRound(deps, { mailboxId: opened.mailbox.id, fromMs, toMs, known: {} }, true);
}

export function registerDeltaRoutes(router: Router, deps: CalendarDeps): void {
  router.get(['/calendarView/delta', '/calendar/calendarView/delta'], (req, res) => {
    const opened = openMailbox(deps, req, READ_EVENTS);
    const unsupported = UNSUPPORTED.find((option) => queryParam(req, option) !== undefined);
    if (unsupported)
      throw new GraphHttpError(
        400,
        'ErrorInvalidUrlQuery',
        `The query parameter '${unsupported}' is not supported with delta.`,
      );
    const round = openRound(deps, req, opened);
    const size = opened.prefs.maxPageSize ?? DEFAULT_DELTA_PAGE;
    const batch = round.pending.splice(0, size);
    const view = currentView(deps, round.sync);
    const options = renderOptions(opened);
    const value = batch.map(({ id, removed }) => {
      const instance = view.get(id);
      if (removed || !instance) {
        delete round.sync.known[id];
        return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
      }
      round.sync.known[id] = instance.changeKey;
      return { '@odata.type': '#microsoft.graph.event', ...renderEvent(instance, options) };
    });
    const token = newDeltaToken(deps.random, round.sync.fromMs, round.sync.toMs);
    let link: Record<string, string>;
    if (round.pending.length > 0) {
      deps.store.saveDeltaPage(token, round);
      link = { '@odata.nextLink': absoluteUrl(deps.ctx.baseUrl, req, new URLSearchParams({ $skiptoken: token })) };
    } else {
      deps.store.saveDeltaToken(token, round.sync);
      link = { '@odata.deltaLink': absoluteUrl(deps.ctx.baseUrl, req, new URLSearchParams({ $deltatoken: token })) };
    }
    setPreferenceApplied(res, opened.prefs, opened.prefs.maxPageSize !== undefined);
    res.status(200).json({ '@odata.context': `${deps.ctx.baseUrl}/v1.0/$metadata#Collection(event)`, value, ...link });
  });
}
