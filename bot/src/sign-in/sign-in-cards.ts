import type { Translator } from '@confer/contracts/i18n';
import type { Attachment } from '@microsoft/agents-activity';
import { CardFactory, type SignInResource } from '@microsoft/agents-hosting';
import { adaptiveCardSchema, adaptiveCardVersion } from '../cards/adaptive-card.ts';

/** Whether the person never had a usable connection, or had one that lapsed: the cards say "connect" or "reconnect". */
export type SignInWording = 'connect' | 'reconnect';

/** Why a sign-in was refused for good, as the cards explain it. */
export type RefusalReason = 'account_disabled' | 'not_assigned' | 'wrong_person' | 'outside_scope' | 'other';

/**
 * The OAuth card Teams signs the person in from: its `tokenExchangeResource` makes Teams try single sign-on
 * silently (`signin/tokenExchange`); its button opens the sign-in link when that cannot work.
 */
export function oauthCardAttachment(
  t: Translator,
  connectionName: string,
  resource: SignInResource,
  wording: SignInWording,
): Attachment {
  const text = wording === 'connect' ? t.t('sign-in.textConnect') : t.t('sign-in.textReconnect');
  const card = CardFactory.oauthCard(connectionName, t.t('sign-in.signIn'), text, resource, true);
  return card;
}

/** The title and line the person reads with the OAuth card (and in a notification). */
export function signInSummary(t: Translator, wording: SignInWording): string {
  return wording === 'connect' ? t.t('sign-in.titleConnect') : t.t('sign-in.titleReconnect');
}

/** What a card click answers while the person signs in: the card stays as it was, this says why. */
export function waitingMessage(t: Translator, wording: SignInWording): string {
  return wording === 'connect' ? t.t('sign-in.waitingConnect') : t.t('sign-in.waitingReconnect');
}

/** When single sign-on needs the person's consent first: the sign-in link, where they consent. */
export function buildConsentCard(t: Translator, signInLink: string): Record<string, unknown> {
  return card(
    t,
    [
      { type: 'TextBlock', text: t.t('sign-in.consentTitle'), wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: t.t('sign-in.consentText'), wrap: true },
    ],
    [{ type: 'Action.OpenUrl', title: t.t('sign-in.consentButton'), url: signInLink }],
  );
}

/** A sign-in that cannot succeed: why, and that nothing changed. No button, since trying again would fail too. */
export function buildRefusedCard(t: Translator, reason: RefusalReason, code: string): Record<string, unknown> {
  return card(t, [
    { type: 'TextBlock', text: t.t('sign-in.refusedTitle'), wrap: true, size: 'Medium', weight: 'Bolder' },
    { type: 'TextBlock', text: refusalText(t, reason, code), wrap: true },
  ]);
}

/** One line, no action (an unconfirmed sign-in, a sign-in that did not finish, connected with nothing pending). */
export function buildNoteCard(t: Translator, key: 'invalidCode' | 'failed' | 'connected'): Record<string, unknown> {
  return card(t, [{ type: 'TextBlock', text: t.t(`sign-in.${key}`), wrap: true }]);
}

function refusalText(t: Translator, reason: RefusalReason, code: string): string {
  switch (reason) {
    case 'account_disabled':
      return t.t('sign-in.refusedDisabled');
    case 'not_assigned':
      return t.t('sign-in.refusedNotAssigned');
    case 'wrong_person':
      return t.t('sign-in.refusedWrongPerson');
    case 'outside_scope':
      return t.t('sign-in.refusedOutsideScope');
    case 'other':
      return t.t('sign-in.refusedOther', { code });
  }
}

function card(t: Translator, body: unknown[], actions: unknown[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: adaptiveCardSchema,
    version: adaptiveCardVersion,
    ...(t.locale.direction === 'rtl' ? { rtl: true } : {}),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}
