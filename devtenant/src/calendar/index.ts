import { LOCAL_TENANT_ID } from '@confer/contracts';
import express, { Router } from 'express';
import type { GraphContext, GraphFeature } from '../graph/context.ts';
import type { CalendarDeps } from './calendar-deps.ts';
import { CalendarStore } from './calendar-store.ts';
import { cryptoRandomBytes } from './events/event-ids.ts';
import { type TeamsMeetingItem, teamsMeetingsOf } from './events/teams-meetings.ts';
import { registerDeltaRoutes } from './http/delta-routes.ts';
import { registerReadRoutes } from './http/read-routes.ts';
import { registerScheduleRoutes } from './http/schedule-routes.ts';
import { registerWriteRoutes, writerDeps } from './http/write-routes.ts';
import { seedCalendars } from './seed/seed-calendars.ts';

/** The local tenant of the shared facts; seed calendars are generated for its people. */
export const SEED_TENANT_ID = LOCAL_TENANT_ID;
export type { TeamsMeetingItem };

function mailboxRouter(deps: CalendarDeps): Router {
  const router = Router({ mergeParams: true });
  // Delta before reads so `/calendarView/delta` is not taken for a calendarView request.
  registerDeltaRoutes(router, deps);
  registerReadRoutes(router, deps);
  registerWriteRoutes(router, deps);
  registerScheduleRoutes(router, deps);
  return router;
}

/**
 * Graph calendar for devtenant: events, calendarView, instances, responses, the Exchange meeting model, Teams
 * meetings, getSchedule, findMeetingTimes and calendarView delta, for `/me/...` and `/users/{id|upn}/...`.
 */
export function createCalendarFeature(ctx: GraphContext): GraphFeature & {
  /** For the control API: make every current delta token of a mailbox (or all) answer 410 syncStateNotFound. */
  expireDeltaTokens(mailboxId?: string): void;
  /** For the online meetings feature: the organizer's items that carry a Teams join link. */
  teamsMeetingsOf(organizerId: string): TeamsMeetingItem[];
} {
  const store = new CalendarStore();
  const deps: CalendarDeps = { ctx, store, random: cryptoRandomBytes };
  const reseed = () => {
    store.clear();
    seedCalendars(writerDeps(deps), ctx.directory.listUsers(SEED_TENANT_ID));
  };
  reseed();
  ctx.onDeltaTokensExpired?.(() => store.expireDeltaTokens());
  const router = Router();
  router.use(express.json({ limit: '4mb' }));
  const perMailbox = mailboxRouter(deps);
  router.use('/me', perMailbox);
  router.use('/users/:user', perMailbox);
  return {
    router,
    snapshot: () => store.snapshot(),
    restore: (state) => store.restore(state),
    reset: reseed,
    expireDeltaTokens: (mailboxId) => store.expireDeltaTokens(mailboxId),
    teamsMeetingsOf: (organizerId) => teamsMeetingsOf(store, organizerId),
  };
}
