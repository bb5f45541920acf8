// auth-end.html: where the authority sends the browser back after sign-in or consent.
import { TEAMS_CONSENT_STATE_PREFIX } from '../lib/consent-url.ts';

const status = document.getElementById('status');

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
    show(error ? 'Permission was not granted. You can close this window.' : 'Done. You can close this window.');
    return;
  }
  // MSAL v5 redirect bridge: for a redirect it returns to the page that started sign-in; for a popup it
  // broadcasts the response to the opener and closes.
  const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
  await broadcastResponseToMainFrame();
}

finish().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  show(`Sign-in could not be completed: ${message}`);
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = 'Back to Confer';
  status?.after(back);
});
