import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import type { BotDeps } from '../bot-deps.ts';
import { parseCommand } from '../commands.ts';
import { describeError } from '../describe-error.ts';
import { isCardSubmit } from '../handlers/card-action-request.ts';
import { userOf } from '../handlers/command-handler.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import type { BotUser } from '../ports.ts';
import { oauthCardAttachment, type SignInWording, signInSummary, waitingMessage } from './sign-in-cards.ts';
import { PENDING_SIGN_IN_MS, type SignInDeps } from './sign-in-deps.ts';
import type { SignInConversation } from './user-token-service.ts';

/** What a click answers that shows a line of text instead of a new card (Universal Actions). */
export const messageResponseType = 'application/vnd.microsoft.activity.message';

/**
 * Runs `handle` unless the person must sign in first. Then — per-user mode, a command or a card click that needs
 * their calendar, no usable connection — the activity is kept in the store, the OAuth card goes to the chat, and
 * a click is answered with why its card did not change. After sign-in the kept activity runs as if it had just
 * arrived (sign-in-completion.ts), so the person does not ask or click again.
 */
export async function runSignedIn(context: TurnContext, deps: BotDeps, handle: () => Promise<void>): Promise<void> {
  const signIn = deps.signIn;
  const user = userOf(context);
  if (!signIn || !user || !needsCalendar(context.activity)) return handle();
  let wording: SignInWording | null;
  try {
    wording = await signIn.connections.signInNeeded(user);
  } catch (error) {
    // The action itself then says what is wrong, as it did before sign-in from chat existed.
    deps.logger.error('bot.sign_in_check_failed', { error: describeError(error) });
    return handle();
  }
  if (!wording) return handle();
  await startSignIn(context, deps, signIn, user, wording);
}

async function startSignIn(
  context: TurnContext,
  deps: BotDeps,
  signIn: SignInDeps,
  user: BotUser,
  wording: SignInWording,
): Promise<void> {
  const { activity } = context;
  const now = deps.clock.now();
  // Kept actions nobody signed in for are dropped here, as new ones arrive: at most one row per person.
  await signIn.pending.prune(now);
  await signIn.pending.save({
    tenantId: user.tenantId,
    aadObjectId: user.userId,
    activity: JSON.parse(JSON.stringify(activity)) as Record<string, unknown>,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_SIGN_IN_MS),
  });
  await sendOAuthCard(context, signIn, wording);
  deps.logger.info('bot.sign_in_started', { tenantId: user.tenantId, userId: user.userId, wording });
  if (activity.type === ActivityTypes.Invoke) {
    const t = botTranslator(activity.locale);
    const body = { statusCode: 200, type: messageResponseType, value: waitingMessage(t, wording) };
    await context.sendActivity(
      Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }),
    );
  }
}

/** The OAuth card with a fresh sign-in resource from the token service. */
export async function sendOAuthCard(context: TurnContext, signIn: SignInDeps, wording: SignInWording): Promise<void> {
  const t = botTranslator(context.activity.locale);
  const resource = await signIn.tokens.signInResource(signIn.connectionName, conversationOf(context, signIn));
  const message = MessageFactory.attachment(oauthCardAttachment(t, signIn.connectionName, resource, wording));
  message.text = signInSummary(t, wording);
  await context.sendActivity(message);
}

/** The sign-in link alone (for the consent card), from a fresh sign-in resource. */
export async function signInLink(context: TurnContext, signIn: SignInDeps): Promise<string> {
  return (await signIn.tokens.signInResource(signIn.connectionName, conversationOf(context, signIn))).signInLink;
}

export function conversationOf(context: TurnContext, signIn: SignInDeps): SignInConversation {
  const { activity } = context;
  return {
    channelId: activity.channelId ?? 'msteams',
    serviceUrl: activity.serviceUrl ?? '',
    conversation: { id: activity.conversation?.id ?? '' },
    user: {
      id: activity.from?.id ?? '',
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
    },
    agent: { id: activity.recipient?.id ?? '' },
    msAppId: signIn.botAppId,
  };
}

/** Commands other than help and card clicks other than Teams' own refreshes act on the person's calendar. */
function needsCalendar(activity: Activity): boolean {
  if (activity.type === ActivityTypes.Invoke) {
    const value = activity.value as { action?: { verb?: unknown }; trigger?: unknown } | undefined;
    return value?.trigger !== 'automatic' && value?.action?.verb !== 'refresh';
  }
  if (activity.type !== ActivityTypes.Message) return false;
  if (isCardSubmit(activity)) return (activity.value as { verb?: unknown }).verb !== 'refresh';
  const command = parseCommand(activity.text);
  return command !== undefined && command.name !== 'help';
}
