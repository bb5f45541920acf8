/**
 * devtenant: a local Microsoft 365 tenant (Entra ID + Microsoft Graph) on one HTTPS origin, for development,
 * tests and the zero-setup demo. See README.md in this package.
 */
export { type ControllableClock, createControllableClock } from './core/clock.ts';
export type {
  AdminConsentGrant,
  AppRegistration,
  AppRole,
  DevTenant,
  DevTenantLogger,
  DevTenantMode,
  DevTenantOptions,
} from './core/options.ts';
export {
  CONFER_APP_ROLES,
  DEFAULT_ADMIN_CONSENT,
  TENANT_DOMAIN,
  TENANT_ID,
} from './core/options.ts';
export { startDevTenant } from './core/server.ts';
export { CONFER_USERS_GROUP_ID } from './directory/seed-groups.ts';
export { SEED_PEOPLE } from './directory/seed-people.ts';
export { TEAMS_WEB_CLIENT_ID } from './identity/teams-sso.ts';
