import type { GraphContext, GraphFeature } from '../graph/context.ts';
import { createOnlineMeetingsRouter } from './online-meetings-router.ts';
import {
  createOnlineMeetingsService,
  type OnlineMeetingsService,
  type TeamsMeetingItem,
} from './online-meetings-service.ts';

export type { MeetingControlState, ParticipantRef, SessionOutcome } from './online-meetings-service.ts';
export { MeetingControlError } from './online-meetings-service.ts';
export type { OnlineMeetingsService, TeamsMeetingItem };

export interface OnlineMeetingsDeps {
  tenantId: string;
  /** The organizer's calendar items carrying a Teams link (the calendar feature's `teamsMeetingsOf`). */
  teamsMeetingsOf(organizerId: string): TeamsMeetingItem[];
}

export type OnlineMeetingsFeature = GraphFeature & {
  /** For the control API: sessions, report settings and the Teams application access policy. */
  control: OnlineMeetingsService;
};

/**
 * Teams online meetings behind the calendar's join links (`/me/onlineMeetings`, `/users/{id}/onlineMeetings`) and
 * their attendance reports (docs/online-meetings.md).
 */
export function createOnlineMeetingsFeature(ctx: GraphContext, deps: OnlineMeetingsDeps): OnlineMeetingsFeature {
  const service = createOnlineMeetingsService({
    tenantId: deps.tenantId,
    clock: ctx.clock,
    directory: ctx.directory,
    teamsMeetingsOf: deps.teamsMeetingsOf,
  });
  return {
    router: createOnlineMeetingsRouter({ ctx, tenantId: deps.tenantId, service }),
    snapshot: () => service.snapshot(),
    restore: (state) => service.restore(state),
    reset: () => service.reset(),
    control: service,
  };
}
