import type { AdminConsentGrant } from '../../core/options.ts';
import type { DirectoryUser } from '../../graph/context.ts';
import { DESCRIPTIONS } from './consent-page.ts';
import { escapeHtml, hiddenFields, renderPage } from './page-layout.ts';

export interface AdminConsentPageModel {
  appName: string;
  action: string;
  fields: Record<string, string | undefined>;
  admin: DirectoryUser;
  permissions: AdminConsentGrant;
}

/** Microsoft Graph's descriptions of the application permissions Confer asks for, as the admin sees them. */
const APPLICATION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'calendars.read': 'Read calendars in all mailboxes',
  'calendars.readwrite': 'Read and write calendars in all mailboxes',
  'user.read.all': 'Read all users’ full profiles',
  'mailboxsettings.read': 'Read all user mailbox settings',
  'mail.send': 'Send mail as any user',
  'onlinemeetings.read.all': 'Read online meeting details',
  'onlinemeetingartifact.read.all': 'Read online meeting artifacts',
};

/**
 * Entra's admin consent screen: the permissions the app requires, delegated ones for everyone and application
 * ones for the app itself, with "Consent on behalf of your organization" implied by the endpoint.
 */
export function renderAdminConsentPage(model: AdminConsentPageModel): string {
  const list = (names: readonly string[], descriptions: Readonly<Record<string, string>>) =>
    names
      .map(
        (name) => `<li>${escapeHtml(descriptions[name.toLowerCase()] ?? name)} <code>${escapeHtml(name)}</code></li>`,
      )
      .join('');
  const body = `<h1>Permissions requested</h1>
<p class="lead">Accept for your organization — <strong>${escapeHtml(model.appName)}</strong> would like to, for everyone in
the organization (${escapeHtml(model.admin.displayName)}, ${escapeHtml(model.admin.userPrincipalName)}, is consenting):</p>
<h2>Delegated permissions</h2><ul class="perm">${list(model.permissions.delegated, DESCRIPTIONS)}</ul>
<h2>Application permissions</h2><ul class="perm">${list(model.permissions.roles, APPLICATION_DESCRIPTIONS)}</ul>
<p class="note">If you accept, this app will get access to the specified resources for all users in your organization.
No one else will be prompted to review these permissions.</p>
<form method="post" action="${escapeHtml(model.action)}">${hiddenFields({ ...model.fields, user_id: model.admin.id })}
<div class="actions"><button class="btn" type="submit" name="action" value="consent_cancel">Cancel</button>
<button class="btn primary" type="submit" name="action" value="consent_accept">Accept</button></div></form>`;
  return renderPage(`Permissions requested by ${model.appName}`, body);
}
