import type { Request, Response, Router } from 'express';
import { GraphHttpError } from '../../graph/context.ts';
import type { CalendarDeps } from '../calendar-deps.ts';
import { findInstance, findRecord } from '../events/event-lookup.ts';
import type { EventInstance } from '../events/event-model.ts';
import { renderEvent, selectFields } from '../events/event-renderer.ts';
import { instancesInWindow, seriesInstancesInWindow, singleInstance } from '../events/instance-expander.ts';
import { parseQueryInstant } from '../time/date-time.ts';
import { applyFilterAndOrder, parseODataQuery } from './odata-query.ts';
import { pageItems } from './paging.ts';
import { READ_EVENTS } from './permissions.ts';
import {
  contextUrl,
  type MailboxRequest,
  openMailbox,
  queryParam,
  renderOptions,
  setPreferenceApplied,
} from './request-context.ts';

function readWindow(req: Request): { fromMs: number; toMs: number } {
  const fromMs = parseQueryInstant(queryParam(req, 'startDateTime'), 'startDateTime');
  const toMs = parseQueryInstant(queryParam(req, 'endDateTime'), 'endDateTime');
  if (toMs < fromMs) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidParameter',
      'The value of EndDateTime must be later than StartDateTime.',
    );
  }
  return { fromMs, toMs };
}

/** Filters, orders, pages and renders a collection of instances (docs/reference/graph-calendar.md §3 Read, paging). */
function sendCollection(
  deps: CalendarDeps,
  req: Request,
  res: Response,
  opened: MailboxRequest,
  instances: EventInstance[],
  contextSuffix: string,
): void {
  const query = parseODataQuery(req.query);
  const ordered = applyFilterAndOrder(instances, query);
  const page = pageItems(ordered, req, deps.ctx.baseUrl, opened.prefs, query.top, query.skip);
  const options = renderOptions(opened);
  setPreferenceApplied(res, opened.prefs, page.pageSizeFromPrefer);
  res.status(200).json({
    '@odata.context': contextUrl(deps, opened.mailbox, contextSuffix),
    value: page.items.map((instance) => selectFields(renderEvent(instance, options), query.select)),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
  });
}

export function registerReadRoutes(router: Router, deps: CalendarDeps): void {
  router.get(['/calendarView', '/calendar/calendarView'], (req, res) => {
    const opened = openMailbox(deps, req, READ_EVENTS);
    const { fromMs, toMs } = readWindow(req);
    const instances = instancesInWindow(deps.store.records(opened.mailbox.id), fromMs, toMs);
    sendCollection(deps, req, res, opened, instances, 'calendarView');
  });

  // /events lists single instances and series masters only, never occurrences
  // (docs/reference/graph-calendar.md §3, docs/reference/user-expectations.md §1).
  router.get(['/events', '/calendar/events'], (req, res) => {
    const opened = openMailbox(deps, req, READ_EVENTS);
    const instances = deps.store.records(opened.mailbox.id).map(singleInstance);
    instances.sort((a, b) => b.record.createdMs - a.record.createdMs || a.id.localeCompare(b.id));
    sendCollection(deps, req, res, opened, instances, 'events');
  });

  router.get(['/events/:id/instances', '/calendar/events/:id/instances'], (req, res) => {
    const opened = openMailbox(deps, req, READ_EVENTS);
    const { fromMs, toMs } = readWindow(req);
    const master = findRecord(deps.store, opened.mailbox.id, req.params.id as string);
    const instances = seriesInstancesInWindow(master, fromMs, toMs).sort(
      (a, b) => a.content.startMs - b.content.startMs,
    );
    sendCollection(deps, req, res, opened, instances, `events('${master.id}')/instances`);
  });

  router.get(['/events/:id', '/calendar/events/:id'], (req, res) => {
    const opened = openMailbox(deps, req, READ_EVENTS);
    const instance = findInstance(deps.store, opened.mailbox.id, req.params.id as string);
    const query = parseODataQuery(req.query);
    setPreferenceApplied(res, opened.prefs);
    res.status(200).json({
      '@odata.context': contextUrl(deps, opened.mailbox, 'events/$entity'),
      ...selectFields(renderEvent(instance, renderOptions(opened)), query.select),
    });
  });
}
