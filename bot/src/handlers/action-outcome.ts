import type { AdaptiveCard, TextBlock } from '../cards/adaptive-card.ts';
import type { CardContext } from '../cards/invitation-card.ts';
import type { ActionErrorCode, ActionResult, SchedulingActions } from '../ports.ts';
import type { BotText } from '../text.ts';
import type { CardActionRequest, Refusal } from './card-action-request.ts';

/** What a card click answers: the card that replaces the clicked one, or a refusal that changed nothing. */
export type CardOutcome = { ok: true; card: AdaptiveCard } | ({ ok: false } & Refusal);

export interface CardActionDeps {
  actions: SchedulingActions;
  text: BotText;
  now: Date;
  /** For the settings link of a click that needs a calendar connection first. */
  tabUrl: string;
}

/** The card context of the person who clicked: the returned card refreshes for them. */
export function clickContext(request: CardActionRequest, deps: CardActionDeps): CardContext {
  return { tenantId: request.user.tenantId, now: deps.now, refreshUserIds: [request.teamsUserId] };
}

/** The card with a bold line on top saying what the click did. */
export function lead(card: AdaptiveCard, message: string): AdaptiveCard {
  const block: TextBlock = { type: 'TextBlock', text: message, wrap: true, weight: 'Bolder' };
  return { ...card, body: [block, ...card.body] };
}

/** The core refused because it cannot use the person's calendar: answered with a way to connect, not an error. */
export function needsConnection(result: ActionResult<unknown>): boolean {
  return !result.ok && result.code === 'not_connected';
}

export function toOutcome<T>(result: ActionResult<T>, build: (value: T) => AdaptiveCard): CardOutcome {
  return result.ok ? { ok: true, card: build(result.value) } : refuse(result.code);
}

const statusOf: Record<ActionErrorCode, number> = {
  invalid_action: 400,
  validation_failed: 400,
  wrong_tenant: 403,
  forbidden: 403,
  not_connected: 403,
  integration_off: 403,
  not_found: 404,
  version_conflict: 409,
  meeting_not_editable: 409,
  conflicts_found: 409,
  unavailable: 503,
};

export function refuse(code: ActionErrorCode): { ok: false } & Refusal {
  return { ok: false, code, status: statusOf[code] };
}
