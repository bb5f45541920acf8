import type { DirectoryUser } from '../../graph/context.ts';
import { escapeHtml, hiddenFields, renderPage } from './page-layout.ts';

export interface ConsentPageModel {
  appName: string;
  action: string;
  fields: Record<string, string | undefined>;
  user: DirectoryUser;
  scopes: readonly string[];
}

/** Wording from Microsoft Graph's permission descriptions as users see them on Entra's consent screen. */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
  'user.read': 'Sign you in and read your profile',
  'user.readbasic.all': 'Read all users’ basic profiles',
  'user.read.all': 'Read all users’ full profiles',
  'calendars.read': 'Read your calendars',
  'calendars.readbasic': 'Read basic details of your calendars',
  'calendars.readwrite': 'Have full access to your calendars',
  'calendars.read.shared': 'Read calendars you can access',
  'calendars.readwrite.shared': 'Read and write calendars you can access',
  'mailboxsettings.read': 'Read your mailbox settings',
  'mailboxsettings.readwrite': 'Read and write your mailbox settings',
  'mail.send': 'Send mail as you',
  'onlinemeetings.read': 'Read your online meetings',
  'onlinemeetings.readwrite': 'Read and create your online meetings',
  'onlinemeetingartifact.read.all': 'Read your online meeting artifacts',
};

/** Entra's "Permissions requested" screen: accepting records the user's consent for these scopes. */
export function renderConsentPage(model: ConsentPageModel): string {
  const items = model.scopes
    .map(
      (scope) => `<li>${escapeHtml(DESCRIPTIONS[scope.toLowerCase()] ?? scope)} <code>${escapeHtml(scope)}</code></li>`,
    )
    .join('');
  const body = `<h1>Permissions requested</h1>
<p class="lead"><strong>${escapeHtml(model.appName)}</strong> would like to, for ${escapeHtml(model.user.displayName)}
(${escapeHtml(model.user.userPrincipalName)}):</p>
<ul class="perm">${items}</ul>
<p class="note">Accepting lets this app use the data as described in its terms. You can change these permissions later.</p>
<form method="post" action="${escapeHtml(model.action)}">${hiddenFields({ ...model.fields, user_id: model.user.id })}
<div class="actions"><button class="btn" type="submit" name="action" value="consent_cancel">Cancel</button>
<button class="btn primary" type="submit" name="action" value="consent_accept">Accept</button></div></form>`;
  return renderPage(`Permissions requested by ${model.appName}`, body);
}
