import { LOCAL_TENANT_ID } from '@confer/contracts';
import type { BotOAuthConnection } from '../bot-token-service/connections.ts';
import type { ControllableClock } from './clock.ts';

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** e.g. `['api://localhost:3978/6f1c…']`; tokens for these resources get `aud` = clientId (v2 tokens). */
  identifierUris: string[];
  /** Exact-match redirect URIs for authorization_code. */
  redirectUris: string[];
  /** Scopes the app's own API exposes, e.g. `['access_as_user']`. */
  exposedScopes: string[];
  /**
   * Microsoft Graph permissions an administrator granted tenant-wide at seed time. Absent: Confer's
   * production set (see `DEFAULT_ADMIN_CONSENT`); `null`: nothing granted (per-user consent only).
   */
  adminConsent?: AdminConsentGrant | null;
  /**
   * Roles the app declares for its own API. Roles assigned to a person (directly or through a group) appear in
   * the `roles` claim of that person's tokens for this app (docs/reference/teams-platform.md §9).
   */
  appRoles?: AppRole[];
}

export interface AppRole {
  /** What the `roles` claim carries, e.g. `Confer.Admin`. */
  value: string;
  displayName: string;
  /** `User`: assignable to people and groups; `Application`: an application permission for other apps. */
  allowedMemberTypes: ('User' | 'Application')[];
}

/** The role that makes a person a Confer administrator (declared in appPackage/aad.manifest.json too). */
export const CONFER_ADMIN_ROLE = 'Confer.Admin';

/** The app roles Confer's registration declares; `startDevTenant` assigns the admin role to Megan Bowen. */
export const CONFER_APP_ROLES: AppRole[] = [
  { value: CONFER_ADMIN_ROLE, displayName: 'Confer administrator', allowedMemberTypes: ['User'] },
];

export interface AdminConsentGrant {
  delegated: string[];
  roles: string[];
}

/**
 * What Confer's admin consents to in the admin guide: free/busy, event writes, settings, reminders by mail, and the
 * Teams meetings behind its events with their attendance reports.
 */
export const DEFAULT_ADMIN_CONSENT: AdminConsentGrant = {
  delegated: [
    'User.Read',
    'User.ReadBasic.All',
    'Calendars.ReadWrite',
    'MailboxSettings.Read',
    'OnlineMeetings.Read',
    'OnlineMeetingArtifact.Read.All',
    'offline_access',
    'openid',
    'profile',
  ],
  roles: [
    'Calendars.ReadWrite',
    'User.Read.All',
    'MailboxSettings.Read',
    'Mail.Send',
    'OnlineMeetings.Read.All',
    'OnlineMeetingArtifact.Read.All',
  ],
};

export type DevTenantMode = 'test' | 'demo' | 'off';

export interface DevTenantLogger {
  info(message: string): void;
  error(message: string, details: Record<string, unknown>): void;
}

export interface DevTenantOptions {
  /** 0 = a free port; default 8443. */
  port?: number;
  /** Listen address, default `127.0.0.1`; the public origin is always `https://localhost:<port>`. */
  host?: string;
  /** Where the CA/cert, signing key and (with persist) state live; absent = generated in memory. */
  dataDir?: string;
  /** Keep tenant state in dataDir across restarts (npm start). */
  persist?: boolean;
  /** Control API enabled in test and demo; default 'demo'. */
  mode?: DevTenantMode;
  /** Default: a clock that starts at real time and can be moved forward. */
  clock?: ControllableClock;
  apps: AppRegistration[];
  /**
   * The bot's OAuth connections at the Bot Framework token service devtenant serves (`/api/usertoken/*`). Absent:
   * one connection, `confer-sso`, for the first app's own API (devtenant/docs/bot-token-service.md).
   */
  botConnections?: BotOAuthConnection[];
  /** Where devtenant reports its own failures; default stderr. */
  logger?: DevTenantLogger;
}

export interface DevTenant {
  /** `https://localhost:<port>` */
  origin: string;
  /** LOCAL_TENANT_ID (`@confer/contracts`) */
  tenantId: string;
  /** PEM that our clients trust explicitly. */
  caPem: string;
  /** base64 sha256 of the server cert's SPKI, for Chromium `--ignore-certificate-errors-spki-list`. */
  spkiHash: string;
  clock: ControllableClock;
  close(): Promise<void>;
}

/** The Agents Playground's tenant id (13 digits in the last group, as the Playground uses). */
export const TENANT_ID = LOCAL_TENANT_ID;
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com';
