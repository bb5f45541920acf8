import type { TurnContext } from '@microsoft/agents-hosting';
import { type BotDeps, userKey } from '../bot-deps.ts';
import { buildWelcomeCard } from '../cards/welcome-card.ts';
import { isPersonalConversation, readConversationRecord } from '../conversation-record.ts';
import { botText } from '../i18n/bot-text.ts';
import { resolveUserName } from '../member-name.ts';
import { sendCard } from './send-card.ts';

/**
 * One install of the personal app reaches the bot twice: as `installationUpdate` (action `add`) and as
 * `conversationUpdate` with `membersAdded` (docs/teams-bot-platform.md). Both store the conversation;
 * whichever comes first greets, because the second finds the same conversation already stored.
 */
export async function handleInstall(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!isPersonalConversation(activity)) return;
  const record = readConversationRecord(activity, null, deps.clock.now());
  if (!record.ok) {
    deps.logger.warn('bot.install_unidentified', { code: record.code, conversationId: activity.conversation?.id });
    return;
  }
  const { tenantId, aadObjectId, conversationId } = record.conversation;
  await deps.perUser.run(userKey(tenantId, aadObjectId), async () => {
    const known = await deps.conversations.find(tenantId, aadObjectId);
    const userName = (await resolveUserName(context, deps.logger)) ?? known?.userName ?? null;
    await deps.conversations.save({ ...record.conversation, userName });
    if (known?.conversationId === conversationId) return;
    await sendCard(context, buildWelcomeCard({ userName, tabUrl: deps.tabUrl }, botText(activity.locale)));
    deps.logger.info('bot.installed', { tenantId, aadObjectId, conversationId });
  });
}

/** `installationUpdate` with action `remove`: forget the conversation so nothing is sent to it again. */
export async function handleUninstall(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!isPersonalConversation(activity)) return;
  const record = readConversationRecord(activity, null, deps.clock.now());
  if (!record.ok) {
    deps.logger.warn('bot.uninstall_unidentified', { code: record.code, conversationId: activity.conversation?.id });
    return;
  }
  const { tenantId, aadObjectId } = record.conversation;
  await deps.perUser.run(userKey(tenantId, aadObjectId), () => deps.conversations.remove(tenantId, aadObjectId));
  deps.logger.info('bot.uninstalled', { tenantId, aadObjectId });
}

/**
 * `add-upgrade` and `remove-upgrade` mean a new app version replaced the old one; the person keeps the
 * app, so an upgrade neither removes the conversation nor greets someone already known.
 */
export async function handleInstallationUpdate(context: TurnContext, deps: BotDeps): Promise<void> {
  const action = context.activity.action;
  if (action === 'add' || action === 'add-upgrade') return handleInstall(context, deps);
  if (action === 'remove') return handleUninstall(context, deps);
}

/** `conversationUpdate`: an install when the members added include this bot or the person talking to it. */
export async function handleMembersAdded(context: TurnContext, deps: BotDeps): Promise<void> {
  const { membersAdded, recipient, from } = context.activity;
  const ids = new Set([recipient?.id, from?.id].filter((id): id is string => Boolean(id)));
  if ((membersAdded ?? []).some((member) => member.id !== undefined && ids.has(member.id))) {
    await handleInstall(context, deps);
  }
}
