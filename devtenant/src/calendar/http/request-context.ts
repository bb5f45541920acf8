import type { Request, Response } from 'express';
import type { DirectoryUser, GraphCaller } from '../../graph/context.ts';
import type { CalendarDeps } from '../calendar-deps.ts';
import type { RenderOptions } from '../events/event-renderer.ts';
import { readsBody } from './permissions.ts';
import { appliedPreferences, type Preferences, readPreferences } from './prefer-header.ts';

export interface MailboxRequest {
  caller: GraphCaller;
  mailbox: DirectoryUser;
  prefs: Preferences;
}

/**
 * Authorizes the call for the endpoint's permissions, then resolves `/me` or `/users/{id|upn}`
 * (docs/reference/graph-calendar.md §8).
 */
export function openMailbox(
  deps: CalendarDeps,
  req: Request,
  permissions: { delegated: readonly string[]; application: readonly string[] },
  access: 'own' | 'freeBusy' = 'own',
): MailboxRequest {
  const caller = deps.ctx.authorize(req, permissions);
  const idOrMe = typeof req.params.user === 'string' ? req.params.user : 'me';
  const mailbox = deps.ctx.resolveMailbox(req, caller, idOrMe, access);
  return { caller, mailbox, prefs: readPreferences(req) };
}

export function renderOptions(opened: MailboxRequest): RenderOptions {
  const grants = opened.caller.kind === 'delegated' ? opened.caller.scopes : opened.caller.roles;
  return { zone: opened.prefs.zone, bodyType: opened.prefs.bodyType, includeBody: readsBody(grants) };
}

/** Query parameters are matched case-insensitively (`StartDateTime` and `startDateTime` both work). */
export function queryParam(req: Request, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(req.query)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

export function setPreferenceApplied(res: Response, prefs: Preferences, pageSizeApplied = false): void {
  const applied = appliedPreferences(prefs, pageSizeApplied);
  if (applied) res.setHeader('Preference-Applied', applied);
}

export function contextUrl(deps: CalendarDeps, mailbox: DirectoryUser, suffix: string): string {
  return `${deps.ctx.baseUrl}/v1.0/$metadata#users('${mailbox.id}')/${suffix}`;
}
