// auth-end.html: where the authority sends the browser back after sign-in or consent.
import { resolveLocale, type Translator } from '@confer/contracts/i18n';
import { englishTranslator, loadTranslator } from '../i18n/catalogues.ts';
import { applyDocumentLocale } from '../i18n/document-locale.ts';
import { TEAMS_CONSENT_STATE_PREFIX } from '../lib/consent-url.ts';

const status = document.getElementById('status');

// The window is the browser's own (a popup or a redirect): its words follow the browser's languages.
const words: Promise<Translator> = loadTranslator(resolveLocale(...navigator.languages)).catch(() =>
  englishTranslator(),
);
words.then((i18n) => {
  applyDocumentLocale(i18n.locale);
  document.title = i18n.t('shell.authTitle');
  if (status?.dataset.finished !== 'true') show(i18n.t('shell.authFinishing'));
});

function show(message: string): void {
  if (status) status.textContent = message;
}

async function finish(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const state = params.get('state') ?? '';
  if (state.startsWith(TEAMS_CONSENT_STATE_PREFIX)) {
    // The Teams consent popup (frameContext "authentication"): teams-js hands the outcome to the tab via the host.
    const { finishTeamsAuthentication } = await import('../lib/teams.ts');
    const error = params.get('error');
    await finishTeamsAuthentication(
      error ? { ok: false, reason: params.get('error_description') || error } : { ok: true, result: 'consented' },
      5000,
    );
    const { t } = await words;
    if (status) status.dataset.finished = 'true';
    show(error ? t('shell.authNotGranted') : t('shell.authDone'));
    return;
  }
  // MSAL v5 redirect bridge: for a redirect it returns to the page that started sign-in; for a popup it
  // broadcasts the response to the opener and closes.
  const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
  await broadcastResponseToMainFrame();
}

finish().catch(async (error: unknown) => {
  const { t } = await words;
  const message = error instanceof Error ? error.message : String(error);
  if (status) status.dataset.finished = 'true';
  show(t('shell.authFailed', { reason: message }));
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = t('shell.authBack');
  status?.after(back);
});
