import { escapeHtml, hiddenFields, renderPage } from './page-layout.ts';

/** Entra shows errors it cannot send back to the app (bad client id, unregistered redirect URI) as a page. */
export function renderErrorPage(aadsts: number, message: string): string {
  return renderPage(
    'Sign in error',
    `<h1>Sorry, but we’re having trouble signing you in.</h1><p class="error">AADSTS${aadsts}: ${escapeHtml(message)}</p>`,
  );
}

export function renderSignedOutPage(): string {
  return renderPage(
    'Signed out',
    '<h1>You signed out of your account</h1><p class="lead">It’s a good idea to close all browser windows.</p>',
  );
}

/** `response_mode=form_post`: an auto-submitting form, as Entra sends. */
export function renderFormPost(action: string, fields: Record<string, string | undefined>): string {
  return `<!doctype html><html><head><title>Working...</title></head><body onload="document.forms[0].submit()">
<form method="post" action="${escapeHtml(action)}">${hiddenFields(fields)}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
}
