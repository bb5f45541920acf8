import type { SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import { type ActorDeps, actorForUser } from '../scheduling/caller.ts';
import type { AwayCheck } from './follow-through-deps.ts';

const DAY_MS = 86_400_000;

/**
 * Away means out of office (free/busy `oof`) at any point of the next day, for either person: a nudge then
 * waits. Read with one getSchedule as the person nudged (their stored connection, or the app).
 */
export function createAwayCheck(
  deps: ActorDeps & { gateway: Pick<SchedulingGateway, 'getSchedules'>; now: () => Date },
): AwayCheck {
  return async (tenantId, recipient, partnerEmail) => {
    const now = deps.now();
    const answers = await deps.gateway.getSchedules({
      actor: await actorForUser(deps, tenantId, recipient.userId),
      organizer: { userId: recipient.userId, email: recipient.email },
      addresses: [recipient.email, partnerEmail],
      window: { start: now, end: new Date(now.getTime() + DAY_MS) },
      intervalMinutes: 60,
    });
    return answers.some((answer) => answer.blocks.some((block) => block.status === 'oof'));
  };
}
