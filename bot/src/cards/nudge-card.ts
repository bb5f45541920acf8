import type { NudgeView } from '../ports.ts';
import type { BotText } from '../text.ts';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  createCard,
  executeAction,
  withRefresh,
} from './adaptive-card.ts';
import { settingsUrl } from './connection-card.ts';
import { futureSlots, type LinkedCardContext, line, titleBlock } from './follow-up-parts.ts';
import { encodeSlots } from './organizer-cards.ts';
import { plainText } from './plain-text.ts';
import { scheduleUrl } from './schedule-card.ts';

/**
 * A pair that has not met for longer than its rhythm: when they last met, three mutual times each one click from
 * a meeting (`book-pair`), the tab for another time, and a way to stop these reminders. Once a meeting is booked
 * or the reminders are off, the same card (as a refresh shows it) says so and offers nothing.
 */
export function buildNudgeCard(view: NudgeView, text: BotText, context: LinkedCardContext): AdaptiveCard {
  const name = plainText(view.partner.name);
  const data = { tenantId: context.tenantId, partnerId: view.partner.userId };
  const open = !view.booked && view.nudgesOn;
  const body: CardElement[] = [
    titleBlock(text.nudge.title(name)),
    line(text.nudge.lastMet(name, text.date(view.lastHeldAt, view.timeZone), text.every(view.rhythmDays))),
    ...(open ? times(view, text, context, data) : [line(view.booked ? text.nudge.booked(name) : text.nudge.off)]),
  ];
  const actions: CardAction[] = open
    ? [
        { type: 'Action.OpenUrl', title: text.nudge.pickAnother, url: scheduleUrl(context.tabUrl, view.partner.email) },
        executeAction(text.nudge.stop, 'nudges-off', { tenantId: context.tenantId }),
      ]
    : [];
  const card = createCard(text, body, actions);
  return withRefresh(card, { ...data, card: 'nudge', slots: encodeSlots(view.slots) }, context.refreshUserIds);
}

function times(
  view: NudgeView,
  text: BotText,
  context: LinkedCardContext,
  data: Record<string, string>,
): CardElement[] {
  const choices = futureSlots(view.slots, context.now).slice(0, 3);
  if (choices.length === 0) return [line(text.nudge.none)];
  const type = view.typeName ? plainText(view.typeName) : null;
  return [
    line(text.nudge.intro(type, text.duration(view.durationMinutes))),
    {
      type: 'ActionSet',
      actions: choices.map((slot) =>
        executeAction(text.slot(slot.start, slot.end, view.timeZone), 'book-pair', {
          ...data,
          newStart: slot.start.toISOString(),
          newEnd: slot.end.toISOString(),
        }),
      ),
    },
  ];
}

/** After "Stop these reminders": they are off, and where to turn them back on. */
export function buildNudgesOffCard(text: BotText, tabUrl: string): AdaptiveCard {
  return createCard(
    text,
    [line(text.nudge.stopped, { weight: 'Bolder' }), line(text.nudge.turnBackOn)],
    [{ type: 'Action.OpenUrl', title: text.connection.fix, url: settingsUrl(tabUrl) }],
  );
}

/** The notification line of a nudge. */
export function nudgeSummary(view: NudgeView, text: BotText): string {
  return text.nudge.title(view.partner.name);
}
