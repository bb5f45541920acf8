import type { DirectoryUser } from '../../graph/context.ts';
import { escapeHtml, hiddenFields, renderPage } from './page-layout.ts';

export interface SignInPageModel {
  appName: string;
  action: string;
  fields: Record<string, string | undefined>;
  people: readonly DirectoryUser[];
  hinted: DirectoryUser | undefined;
  error?: string;
}

const COLOURS = ['#0f6cbd', '#c239b3', '#107c10', '#8764b8', '#ca5010', '#038387', '#4f6bed', '#986f0b'];

/** The demo sign-in: pick one of the tenant's people (no passwords); `login_hint` puts that person first. */
export function renderSignInPage(model: SignInPageModel): string {
  const others = model.people.filter((p) => p.id !== model.hinted?.id);
  const hinted = model.hinted
    ? `<ul class="people hinted">${personItem(model.hinted, `Continue as ${model.hinted.displayName}`)}</ul><p class="lead">Or pick someone else:</p>`
    : '';
  const error = model.error ? `<p class="error">${escapeHtml(model.error)}</p>` : '';
  const body = `<h1>Pick an account</h1>
<p class="lead">to continue to <strong>${escapeHtml(model.appName)}</strong></p>${error}
<form method="post" action="${escapeHtml(model.action)}">${hiddenFields({ ...model.fields, action: 'signin' })}
${hinted}<ul class="people">${others.map((p) => personItem(p)).join('')}</ul></form>
<p class="note">This is devtenant, a local stand-in for Microsoft Entra ID. Everyone here is a demo person; no password is needed.</p>`;
  return renderPage(`Sign in to ${model.appName}`, body);
}

function personItem(person: DirectoryUser, label?: string): string {
  const initials = `${person.givenName[0] ?? ''}${person.surname[0] ?? ''}`;
  const colour = COLOURS[person.displayName.length % COLOURS.length];
  const detail = [person.userPrincipalName, person.jobTitle].filter(Boolean).join(' · ');
  return `<li><button class="person" type="submit" name="user_id" value="${escapeHtml(person.id)}">
<span class="avatar" style="background:${colour}">${escapeHtml(initials)}</span>
<span class="who"><strong>${escapeHtml(label ?? person.displayName)}</strong><span>${escapeHtml(detail)}</span></span></button></li>`;
}
