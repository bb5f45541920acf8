import type { DemoUser } from '@confer/contracts';
import type { ThemeName } from '../lib/session.ts';

/** A teams-js request as it arrives by postMessage (docs/reference/teams-platform.md §3). */
export interface HostRequest {
  readonly id: number;
  readonly uuidAsString: string | undefined;
  readonly func: string;
  readonly args: readonly unknown[];
}

export type FrameContext = 'content' | 'authentication';

export interface HostSettings {
  readonly user: DemoUser;
  readonly theme: ThemeName;
  readonly locale: string;
  /** Manifest static tab `entityId` and the deep-link `subEntityId` (`page.subPageId` in the tab). */
  readonly entityId: string;
  readonly subEntityId: string;
  readonly sessionId: string;
}

export function parseHostRequest(data: unknown): HostRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (typeof message.func !== 'string' || typeof message.id !== 'number') return null;
  return {
    id: message.id,
    uuidAsString: typeof message.uuidAsString === 'string' ? message.uuidAsString : undefined,
    func: message.func,
    args: Array.isArray(message.args) ? message.args : [],
  };
}

/** Responses carry the request's id and uuid: teams-js matches on `uuidAsString`, falling back to `id`. */
export function responseTo(request: HostRequest, args: readonly unknown[]) {
  return { id: request.id, uuidAsString: request.uuidAsString, args };
}

/**
 * The runtime this host declares. Only what it really answers: `app` (context, theme events, loaded
 * notifications without a response, since `notifySuccessResponse` is absent) and `pages.tabs`.
 * Authentication needs no capability flag in teams-js 2.58.
 */
export const hostRuntimeConfig = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, pages: { tabs: {} } },
} as const;

export function initializeResponseArgs(frameContext: FrameContext): unknown[] {
  return [frameContext, 'web', JSON.stringify(hostRuntimeConfig)];
}

/** The legacy context shape that teams-js turns into `app.getContext()`'s `Context`. */
export function legacyContext(settings: HostSettings, frameContext: FrameContext): Record<string, unknown> {
  const { user } = settings;
  return {
    userObjectId: user.id,
    tid: user.tenantId,
    loginHint: user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    locale: settings.locale,
    theme: settings.theme,
    entityId: settings.entityId,
    subEntityId: settings.subEntityId,
    frameContext,
    hostName: 'Teams',
    hostClientType: 'web',
    appSessionId: settings.sessionId,
  };
}

export function themeChangeEvent(theme: ThemeName) {
  return { func: 'themeChange', args: [theme] };
}
