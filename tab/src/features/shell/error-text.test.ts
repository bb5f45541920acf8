import { resolveLocale } from '@confer/contracts/i18n';
import { describe, expect, it } from 'vitest';
import { englishTranslator, loadTranslator } from '../../i18n/catalogues.ts';
import { AppError } from '../../lib/app-error.ts';
import { describeError as describeWith } from './error-text.ts';

const english = englishTranslator('en-US');
const describeError = (error: AppError) => describeWith(error, english);

describe('describeError', () => {
  it.each([
    ['consent_required', 403, 'consent', 'Confer needs your permission'],
    ['interaction_required', 403, 'consent', 'Please confirm your sign-in'],
    ['connection_expired', 403, 'consent', 'Reconnect your calendar'],
    ['not_connected', 403, 'settings', 'Your calendar is disconnected'],
    ['token_expired', 401, 'sign-in', 'Please sign in again'],
    ['mailbox_not_enabled', 404, 'retry', 'No Outlook mailbox found'],
    ['graph_throttled', 429, 'retry', 'Outlook is busy right now'],
    ['outside_access_policy', 403, 'retry', "Your calendar is outside Confer's access"],
    ['integration_off', 403, 'retry', 'Outlook integration is switched off'],
    ['internal_error', 500, 'retry', "Your calendar couldn't be loaded"],
  ] as const)('maps the API code %s (%i) to %s', (code, status, action, title) => {
    expect(describeError(new AppError(code, 'from the API', { status }))).toMatchObject({ action, title });
  });

  it("asks for a new sign-in when the tab's own silent token request needs interaction", () => {
    expect(describeError(new AppError('interaction_required', 'expired')).action).toBe('sign-in');
  });

  it('keeps the API message as the body so the person sees the specific reason', () => {
    expect(describeError(new AppError('graph_unavailable', 'Graph answered 503.', { status: 503 })).body).toBe(
      'Graph answered 503.',
    );
  });

  it("treats a newer server's unknown code by its status, with the server's own sentence", () => {
    const locked = new AppError('http_423', 'Someone is editing this meeting.', { status: 423 });
    expect(describeError(locked)).toEqual({
      title: "Your calendar couldn't be loaded",
      body: 'Someone is editing this meeting.',
      action: 'retry',
    });
    expect(describeError(new AppError('http_401', 'Signed out.', { status: 401 })).action).toBe('sign-in');
    expect(describeError(new AppError('http_403', 'No.', { status: 403 })).title).toBe('Access denied');
  });

  it('shows the catalogue text for a known code in another language, and a specific reason as it came', async () => {
    const german = await loadTranslator(resolveLocale('de-DE'));
    const busy = describeWith(new AppError('graph_throttled', 'Graph answered 429.', { status: 429 }), german);
    expect(busy.title).toBe(german.t('shell.error.graphThrottled'));
    expect(busy.body).toBe(german.t('shell.errorBody.graphThrottled'));
    expect(describeWith(new AppError('http_423', 'Someone is editing.', { status: 423 }), german).body).toBe(
      'Someone is editing.',
    );
  });
});
