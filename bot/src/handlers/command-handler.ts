import type { TurnContext } from '@microsoft/agents-hosting';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { plainText } from '../cards/plain-text.ts';
import { buildNoticeCard, buildScheduleCard, scheduleUrl } from '../cards/schedule-card.ts';
import { buildUpcomingCard } from '../cards/upcoming-card.ts';
import { readTenantId } from '../conversation-record.ts';
import type { ActionResult, BotUser, SchedulingActions } from '../ports.ts';
import type { BotText } from '../text.ts';
import { connectFirstCard } from './connect-first.ts';

/** A chat booking is a conversation, not a workshop: half an hour, like the tab's default. */
export const chatMeetingMinutes = 30;
const suggestionCount = 3;
const upcomingCount = 5;

export interface CommandDeps {
  actions: SchedulingActions;
  text: BotText;
  tabUrl: string;
}

/** The person typing, from the activity. */
export function userOf(context: TurnContext): BotUser | undefined {
  const tenantId = readTenantId(context.activity);
  const userId = context.activity.from?.aadObjectId;
  return tenantId && userId ? { tenantId, userId, name: context.activity.from?.name ?? null } : undefined;
}

/**
 * `schedule with <name>`: find the one person meant, then three mutual times. Several matches or none
 * get a plain answer and the tab, where the people picker can tell them apart.
 */
export async function scheduleWith(user: BotUser, who: string, deps: CommandDeps): Promise<AdaptiveCard> {
  const { text } = deps;
  const openTab = { title: text.meeting.openInConfer, url: `${deps.tabUrl.replace(/\/+$/, '')}/#/schedule` };
  if (who === '') return buildNoticeCard(text.schedule.usage, null, text);
  const found = await deps.actions.findPeople(user, who, 5);
  if (!found.ok) return failure(found, user, deps, openTab);
  const people = found.value.filter((person) => person.userId !== user.userId);
  const exact = people.filter((person) => person.name.toLowerCase() === who.toLowerCase());
  const matches = exact.length === 1 ? exact : people;
  const [person] = matches;
  if (!person) return buildNoticeCard(text.schedule.noMatch(plainText(who)), openTab, text);
  if (matches.length > 1) return buildNoticeCard(text.schedule.several(plainText(who), matches.length), openTab, text);
  const suggested = await deps.actions.suggestWith(user, [person.email], chatMeetingMinutes, suggestionCount);
  if (!suggested.ok) return failure(suggested, user, deps, openTab);
  return buildScheduleCard(
    {
      tenantId: user.tenantId,
      person,
      durationMinutes: chatMeetingMinutes,
      slots: suggested.value.slots,
      timeZone: suggested.value.timeZone,
      unreadable: suggested.value.unreadable,
      scheduleUrl: scheduleUrl(deps.tabUrl, person.email),
    },
    text,
  );
}

export async function upcoming(user: BotUser, deps: CommandDeps): Promise<AdaptiveCard> {
  const result = await deps.actions.upcoming(user, upcomingCount);
  if (!result.ok) return failure(result, user, deps, { title: deps.text.openTab, url: deps.tabUrl });
  return buildUpcomingCard(result.value, deps.tabUrl, deps.text);
}

/**
 * A refusal in plain words. Not connected is answered as a click is (connect-first.ts): "connect" to someone who
 * never connected, "reconnect" only to someone whose connection lapsed, with the way to Confer's settings.
 */
async function failure(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  user: BotUser,
  deps: CommandDeps,
  link: { title: string; url: string },
): Promise<AdaptiveCard> {
  if (result.code === 'not_connected') return connectFirstCard(user, deps, null);
  return buildNoticeCard(deps.text.errors.action[result.code], link, deps.text);
}
