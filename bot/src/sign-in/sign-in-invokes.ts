import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { BotDeps } from '../bot-deps.ts';
import { describeError } from '../describe-error.ts';
import { userOf } from '../handlers/command-handler.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import type { BotUser } from '../ports.ts';
import { replayPending } from './replay-pending.ts';
import { buildConsentCard, buildNoteCard, buildRefusedCard, type RefusalReason } from './sign-in-cards.ts';
import type { SignInDeps } from './sign-in-deps.ts';
import { signInLink } from './sign-in-gate.ts';

export const tokenExchangeInvokeName = 'signin/tokenExchange';
export const verifyStateInvokeName = 'signin/verifyState';
export const signInFailureInvokeName = 'signin/failure';

/**
 * Answers the `signin/*` invokes and a typed magic code, or says it did not (false) so the application runs. They are taken before
 * `AgentApplication.run`: the SDK runs `signin/tokenExchange` as a long-running call detached from the HTTP
 * request (`startLongRunningCall`, @microsoft/agents-hosting 1.8), so an invoke response set there never reaches
 * Teams, which needs the 200 or 412 on the request itself.
 */
export async function runSignInInvoke(context: TurnContext, deps: BotDeps): Promise<boolean> {
  const { activity } = context;
  const signIn = deps.signIn;
  if (!signIn) return false;
  if (activity.type === ActivityTypes.Message) return handleTypedCode(context, deps, signIn);
  if (activity.type !== ActivityTypes.Invoke) return false;
  switch (activity.name) {
    case tokenExchangeInvokeName:
      await handleTokenExchange(context, deps, signIn);
      return true;
    case verifyStateInvokeName:
      await handleVerifyState(context, deps, signIn);
      return true;
    case signInFailureInvokeName:
      await handleSignInFailure(context, deps);
      return true;
    default:
      return false;
  }
}

const tokenExchangeSchema = z.object({
  id: z.string().min(1).max(200),
  connectionName: z.string().min(1).max(200),
  token: z.string().min(1).max(20_000),
});
/** The magic code the sign-in page shows, six digits (as the Agents SDK checks it), or Teams' cancellation. */
const verifyStateSchema = z.object({ state: z.string().max(200) });

/**
 * `signin/tokenExchange`: Teams' single sign-on token for the bot. The token service exchanges it; Confer
 * connects the calendar with the result and runs what the person asked for. 200 when done (Teams then hides the
 * OAuth card's button). 412 with a `TokenExchangeInvokeResponse` whenever the person must sign in interactively —
 * consent first — so Teams shows the sign-in button; the consent card says the same in the chat. A refusal for
 * good (account disabled, not assigned) is answered 200 with a card saying why: the button would only fail again.
 */
export async function handleTokenExchange(context: TurnContext, deps: BotDeps, signIn: SignInDeps): Promise<void> {
  const parsed = tokenExchangeSchema.safeParse(context.activity.value);
  const user = userOf(context);
  const id = parsed.success ? parsed.data.id : '';
  const base = { id, connectionName: signIn.connectionName };
  if (!parsed.success || !user) {
    return answer(context, 400, { ...base, failureDetail: 'invalid_token_exchange: the invoke carries no token.' });
  }
  if (parsed.data.connectionName !== signIn.connectionName) {
    return answer(context, 400, { ...base, failureDetail: `unknown_connection: '${parsed.data.connectionName}'.` });
  }
  const { from, channelId } = context.activity;
  const exchanged = await signIn.tokens.exchange(
    from?.id ?? '',
    signIn.connectionName,
    channelId ?? '',
    parsed.data.token,
  );
  if (!exchanged.ok && exchanged.kind === 'refused') {
    deps.logger.warn('bot.sign_in_refused', { tenantId: user.tenantId, userId: user.userId, code: exchanged.code });
    await answer(context, 200, base);
    return refuse(context, deps, signIn, user, refusalOf(exchanged.code), exchanged.code);
  }
  if (!exchanged.ok) {
    deps.logger.info('bot.sign_in_needs_consent', {
      tenantId: user.tenantId,
      userId: user.userId,
      code: exchanged.code,
    });
    await answer(context, 412, { ...base, failureDetail: `${exchanged.code}: ${exchanged.message}` });
    return sendConsentCard(context, signIn);
  }
  await finishSignIn(context, deps, signIn, user, exchanged.token, {
    done: () => answer(context, 200, base),
    needsConsent: async () => {
      await answer(context, 412, { ...base, failureDetail: 'consent_required: Microsoft Graph consent is missing.' });
      await sendConsentCard(context, signIn);
    },
  });
}

/**
 * `signin/verifyState`: the sign-in page's magic code, after the person signed in (and consented) interactively.
 * The token service hands the token only for a code it issued to this Teams user, so a made-up or someone
 * else's code gets nothing: 404, a card saying so, nothing run.
 */
export async function handleVerifyState(context: TurnContext, deps: BotDeps, signIn: SignInDeps): Promise<void> {
  const parsed = verifyStateSchema.safeParse(context.activity.value);
  const state = parsed.success ? parsed.data.state : '';
  await verifyCode(context, deps, signIn, state, (status) => answer(context, status, {}));
}

/**
 * The magic code typed into the chat: the sign-in page shows it when it was opened outside Teams' own sign-in
 * window (the consent card's link), and then no `signin/verifyState` comes. Only a six-digit message from someone
 * with a kept action counts; anything else is an ordinary message.
 */
export async function handleTypedCode(context: TurnContext, deps: BotDeps, signIn: SignInDeps): Promise<boolean> {
  const { activity } = context;
  const typed = (activity.text ?? '').trim();
  const user = userOf(context);
  if (activity.type !== ActivityTypes.Message || !/^\d{6}$/.test(typed) || !user) return false;
  if (!(await signIn.pending.find(user.tenantId, user.userId, deps.clock.now()))) return false;
  await verifyCode(context, deps, signIn, typed, async () => {});
  return true;
}

async function verifyCode(
  context: TurnContext,
  deps: BotDeps,
  signIn: SignInDeps,
  state: string,
  respond: (status: number) => Promise<void>,
): Promise<void> {
  const user = userOf(context);
  const t = botTranslator(context.activity.locale);
  if (state === 'CancelledByUser') {
    await respond(200);
    return sendCard(context, buildNoteCard(t, 'failed'));
  }
  const code = /^\d{6}$/.test(state) ? state : undefined;
  const { from, channelId } = context.activity;
  const token =
    code && user
      ? await signIn.tokens.getToken(from?.id ?? '', signIn.connectionName, channelId ?? '', code)
      : undefined;
  if (!user || !token) {
    deps.logger.warn('bot.sign_in_code_refused', { conversationId: context.activity.conversation?.id });
    await respond(code ? 404 : 400);
    return sendCard(context, buildNoteCard(t, 'invalidCode'));
  }
  await finishSignIn(context, deps, signIn, user, token, {
    done: () => respond(200),
    needsConsent: async () => {
      await respond(200);
      await sendConsentCard(context, signIn);
    },
  });
}

/** `signin/failure`: Teams could not sign the person in; the pending action stays until it expires. */
export async function handleSignInFailure(context: TurnContext, deps: BotDeps): Promise<void> {
  const value = context.activity.value as { code?: unknown } | undefined;
  deps.logger.warn('bot.sign_in_failed', { code: typeof value?.code === 'string' ? value.code : 'unknown' });
  await answer(context, 200, {});
  await sendCard(context, buildNoteCard(botTranslator(context.activity.locale), 'failed'));
}

async function finishSignIn(
  context: TurnContext,
  deps: BotDeps,
  signIn: SignInDeps,
  user: BotUser,
  token: string,
  reply: { done: () => Promise<void>; needsConsent: () => Promise<void> },
): Promise<void> {
  const wasNeeded = await signIn.connections.signInNeeded(user);
  const connected = await signIn.connections.connectWithToken(user, token);
  if (!connected.ok && connected.reason === 'consent_required') return reply.needsConsent();
  if (!connected.ok) {
    await reply.done();
    return refuse(context, deps, signIn, user, connected.reason, connected.reason);
  }
  await reply.done();
  deps.logger.info('bot.sign_in_completed', { tenantId: user.tenantId, userId: user.userId });
  // Taken once: a replayed exchange finds nothing left to run.
  const pending = await signIn.pending.take(user.tenantId, user.userId, deps.clock.now());
  if (!pending) {
    if (wasNeeded) await sendCard(context, buildNoteCard(botTranslator(context.activity.locale), 'connected'));
    return;
  }
  try {
    await replayPending(context, deps, pending);
  } catch (error) {
    deps.logger.error('bot.sign_in_replay_failed', { error: describeError(error) });
  }
}

/** A refusal changes nothing: the pending action is dropped, not run later. */
async function refuse(
  context: TurnContext,
  deps: BotDeps,
  signIn: SignInDeps,
  user: BotUser,
  reason: RefusalReason,
  code: string,
): Promise<void> {
  await signIn.pending.take(user.tenantId, user.userId, deps.clock.now());
  await sendCard(context, buildRefusedCard(botTranslator(context.activity.locale), reason, code));
}

function refusalOf(code: string): RefusalReason {
  if (code === 'account_disabled') return 'account_disabled';
  if (code === 'not_assigned') return 'not_assigned';
  return 'other';
}

async function sendConsentCard(context: TurnContext, signIn: SignInDeps): Promise<void> {
  const t = botTranslator(context.activity.locale);
  await sendCard(context, buildConsentCard(t, await signInLink(context, signIn)));
}

async function sendCard(context: TurnContext, card: Record<string, unknown>): Promise<void> {
  await context.sendActivity(
    MessageFactory.attachment({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }),
  );
}

async function answer(context: TurnContext, status: number, body: Record<string, unknown>): Promise<void> {
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status, body } }));
}
