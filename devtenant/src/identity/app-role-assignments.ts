import { type AppRegistration, CONFER_ADMIN_ROLE } from '../core/options.ts';
import { SEED_PEOPLE } from '../directory/seed-people.ts';
import type { DirectoryUser } from '../graph/context.ts';

/** One person or group holding one of an app's roles (Entra's appRoleAssignment, docs/reference/teams-platform.md §9). */
export interface AppRoleAssignment {
  appClientId: string;
  /** Object id of a user or a group. */
  principalId: string;
  role: string;
}

/**
 * Who holds which of the apps' own roles. Tokens read it when they are issued, so a change applies to tokens
 * issued afterwards and never to those already out (docs/reference/teams-platform.md §9).
 */
export interface AppRoleAssignmentStore {
  list(): readonly AppRoleAssignment[];
  /** False when the assignment already existed. */
  add(assignment: AppRoleAssignment): boolean;
  /** False when there was no such assignment. */
  remove(assignment: AppRoleAssignment): boolean;
  /**
   * The `roles` claim of a user's token for the app's API: roles assigned to the user or to a group the user is
   * a direct member of, limited to roles the app still declares for users, sorted and without duplicates.
   */
  rolesOf(app: AppRegistration, user: DirectoryUser): string[];
  snapshot(): AppRoleAssignment[];
  restore(assignments: readonly AppRoleAssignment[]): void;
}

export function createAppRoleAssignmentStore(initial: readonly AppRoleAssignment[]): AppRoleAssignmentStore {
  let assignments = copy(initial);
  return {
    list: () => assignments,
    add(assignment) {
      if (assignments.some((a) => sameAssignment(a, assignment))) return false;
      assignments = [...assignments, { ...assignment }];
      return true;
    },
    remove(assignment) {
      const before = assignments.length;
      assignments = assignments.filter((a) => !sameAssignment(a, assignment));
      return assignments.length !== before;
    },
    rolesOf(app, user) {
      const principals = new Set([user.id, ...user.groupIds].map((id) => id.toLowerCase()));
      const declared = new Set(userRolesOf(app));
      const held = assignments
        .filter((a) => sameId(a.appClientId, app.clientId) && principals.has(a.principalId.toLowerCase()))
        .map((a) => a.role)
        .filter((role) => declared.has(role));
      return [...new Set(held)].sort();
    },
    snapshot: () => copy(assignments),
    restore(snapshot) {
      assignments = copy(snapshot);
    },
  };
}

/** Role values an app declares as assignable to people and groups (`allowedMemberTypes` contains `User`). */
export function userRolesOf(app: AppRegistration): string[] {
  return (app.appRoles ?? []).filter((role) => role.allowedMemberTypes.includes('User')).map((role) => role.value);
}

/** The demo's one administrator: Megan Bowen holds `Confer.Admin` on every app that declares it. */
export function seedAppRoleAssignments(apps: readonly AppRegistration[]): AppRoleAssignment[] {
  const megan = SEED_PEOPLE.find((person) => person.alias === 'meganb');
  if (!megan) throw new Error('The seed has no Megan Bowen.');
  return apps
    .filter((app) => userRolesOf(app).includes(CONFER_ADMIN_ROLE))
    .map((app) => ({ appClientId: app.clientId, principalId: megan.id, role: CONFER_ADMIN_ROLE }));
}

function sameAssignment(a: AppRoleAssignment, b: AppRoleAssignment): boolean {
  return sameId(a.appClientId, b.appClientId) && sameId(a.principalId, b.principalId) && a.role === b.role;
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function copy(assignments: readonly AppRoleAssignment[]): AppRoleAssignment[] {
  return assignments.map((a) => ({ ...a }));
}
