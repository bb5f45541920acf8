import { escapeHtml } from '../../domain/scheduling/meeting-body.ts';
import type { ConsentReturnView } from '../../use-cases/admin/admin-consent.ts';

export type ConsentReturnPage =
  | { kind: 'outcome'; view: ConsentReturnView }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed' }
  | { kind: 'busy'; retryAfterSeconds: number };

/**
 * The page the admin's browser lands on after Entra: what happened and what to do next, with a way back to
 * Confer's admin pages. Self-contained (one style element, no script), within the tab's CSP.
 */
export function renderConsentReturnPage(page: ConsentReturnPage, adminPageUrl: string): string {
  const { title, body } = contentOf(page);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Confer</title><style>${STYLE}</style></head>
<body><main><p class="brand">Confer · admin consent</p><h1>${escapeHtml(title)}</h1>${body}
<p><a class="button" href="${escapeHtml(adminPageUrl)}">Open Confer’s admin page</a></p>
<p class="note">In Teams, open Confer and choose <strong>Admin</strong>. You can close this window.</p></main></body></html>`;
}

function contentOf(page: ConsentReturnPage): { title: string; body: string } {
  if (page.kind === 'invalid') {
    return {
      title: 'This consent link cannot be used',
      body: `<p>${escapeHtml(page.message)} Nothing was recorded.</p>
<p>Create a new consent link on Confer’s admin page and open it once, within 24 hours.</p>
<p class="note">Code: <code>consent_request_invalid</code></p>`,
    };
  }
  if (page.kind === 'busy') {
    return {
      title: 'Too many answers at once',
      body: `<p>Confer is taking no more consent answers this minute. Reload this page in ${page.retryAfterSeconds}
seconds: your link still works, as long as it is within 24 hours of its creation.</p>`,
    };
  }
  if (page.kind === 'failed') {
    return {
      title: 'Something went wrong on our side',
      body: '<p>Confer could not record the answer. Open the admin page to see whether consent was recorded, and try a new link if not.</p>',
    };
  }
  const { view } = page;
  if (view.outcome === 'granted') {
    return {
      title: 'Admin consent granted',
      body: `<p>Microsoft Entra ID recorded your organisation’s consent to Confer’s Microsoft Graph permissions, and
Confer recorded it too. Nobody in your organisation will be asked to consent again.</p>
<p>Next, on Confer’s admin page: check the access test (it shows whose calendars Confer can reach), and choose how Confer
connects to calendars.</p>`,
    };
  }
  return {
    title: 'Admin consent was not granted',
    body: `<p>Nothing changed in your organisation. Microsoft Entra ID answered:</p>
<p class="error"><code>${escapeHtml(view.error ?? '')}</code> ${escapeHtml(view.errorDescription ?? '')}</p>
<p>Consent for the whole organisation takes a Global Administrator or a Privileged Role Administrator. If that is not
you, create a new link on Confer’s admin page and send it to them; if you cancelled by mistake, create a new link and
accept.</p>`,
  };
}

const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 560px; margin: 48px auto; padding: 0 20px; }
.brand { font-size: 13px; font-weight: 600; opacity: .7; }
h1 { font-size: 24px; font-weight: 600; }
.error { border-left: 4px solid #c50f1f; padding: 8px 12px; background: rgba(197, 15, 31, .08); word-break: break-word; }
.button { display: inline-block; padding: 8px 20px; border-radius: 4px; background: #5b5fc7; color: #fff; text-decoration: none; }
.note { font-size: 13px; opacity: .75; }
`;
