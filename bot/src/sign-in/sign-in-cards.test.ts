import { SHIPPED_LANGUAGES } from '@confer/contracts/i18n';
import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import {
  buildConsentCard,
  buildNoteCard,
  buildRefusedCard,
  oauthCardAttachment,
  type RefusalReason,
  signInSummary,
  waitingMessage,
} from './sign-in-cards.ts';

const resource = {
  signInLink: 'https://token.example/signin?x=1',
  tokenExchangeResource: { id: 'abc', uri: 'api://confer.example/botid-1', providerId: 'AzureAD' },
  tokenPostResource: { sasUrl: '' },
};
const reasons: RefusalReason[] = ['account_disabled', 'not_assigned', 'wrong_person', 'outside_scope', 'other'];

describe('sign-in cards', () => {
  it.each(SHIPPED_LANGUAGES)('every card in %s is a valid Adaptive Card 1.5, right to left in Arabic', (language) => {
    const t = botTranslator(language);
    const cards = [
      buildConsentCard(t, resource.signInLink),
      ...reasons.map((reason) => buildRefusedCard(t, reason, 'AADSTS50105')),
      buildNoteCard(t, 'invalidCode'),
      buildNoteCard(t, 'failed'),
      buildNoteCard(t, 'connected'),
    ];
    for (const card of cards) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(card.version).toBe('1.5');
      expect(card.rtl).toBe(language === 'ar' ? true : undefined);
    }
  });

  it('the OAuth card carries the connection, the token exchange resource and a sign-in button', () => {
    const t = botTranslator('en-US');
    const attachment = oauthCardAttachment(t, 'confer-sso', resource, 'connect');
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.oauth');
    expect(attachment.content).toMatchObject({
      connectionName: 'confer-sso',
      tokenExchangeResource: resource.tokenExchangeResource,
      buttons: [{ type: 'signin', title: 'Sign in', value: resource.signInLink }],
    });
  });

  it('says "connect" to someone who never connected and "reconnect" only when the connection lapsed', () => {
    for (const language of SHIPPED_LANGUAGES) {
      const t = botTranslator(language);
      expect(signInSummary(t, 'connect')).not.toBe(signInSummary(t, 'reconnect'));
      expect(waitingMessage(t, 'connect')).not.toBe(waitingMessage(t, 'reconnect'));
    }
    const en = botTranslator('en');
    expect(signInSummary(en, 'connect')).toBe('Connect your calendar to Confer');
    expect(`${signInSummary(en, 'connect')} ${waitingMessage(en, 'connect')}`).not.toMatch(/reconnect/i);
    expect(signInSummary(en, 'reconnect')).toBe('Reconnect your calendar to Confer');
  });

  it('a refusal says why, that nothing changed, and offers no button that would fail again', () => {
    const t = botTranslator('en');
    const card = buildRefusedCard(t, 'other', 'AADSTS50105');
    expect(JSON.stringify(card)).toContain('(AADSTS50105)');
    expect(JSON.stringify(card)).toContain('Nothing was changed');
    expect(card.actions).toBeUndefined();
    expect(buildConsentCard(t, resource.signInLink).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the sign-in page', url: resource.signInLink },
    ]);
  });
});
