import { type DirectoryRoleName, SEED_PEOPLE } from '../directory/seed-people.ts';

/**
 * Directory roles that may consent for the whole organisation to an app's Microsoft Graph application
 * permissions (docs/reference/teams-platform.md §10); an Application Administrator could not.
 */
const TENANT_WIDE_CONSENT_ROLES: readonly DirectoryRoleName[] = [
  'Global Administrator',
  'Privileged Role Administrator',
];

/** Whether this person holds a directory role that grants admin consent (roles come from the seed). */
export function canGrantAdminConsent(userId: string): boolean {
  const person = SEED_PEOPLE.find((p) => p.id.toLowerCase() === userId.toLowerCase());
  return (person?.directoryRoles ?? []).some((role) => TENANT_WIDE_CONSENT_ROLES.includes(role));
}
