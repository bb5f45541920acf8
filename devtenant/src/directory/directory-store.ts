import type { Directory, DirectoryUser, WorkingHours } from '../graph/context.ts';
import { type DirectoryGroup, SEED_GROUPS } from './seed-groups.ts';
import { SEED_PEOPLE, type SeedPerson } from './seed-people.ts';

export interface DirectoryStore extends Directory {
  tenantId: string;
  domain: string;
  listGroups(): readonly DirectoryGroup[];
  findGroup(idOrMailOrName: string): DirectoryGroup | undefined;
}

const WEEKDAYS: WorkingHours['daysOfWeek'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/**
 * The tenant's directory: seed people and groups. It is fixed for a devtenant's lifetime (Confer never writes
 * to the directory), so it is not part of persisted or resettable state. Guests and people outside the tenant
 * are not in it: lookups by their address return undefined, as Graph's directory would.
 */
export function createDirectoryStore(tenantId: string, domain: string): DirectoryStore {
  const users = SEED_PEOPLE.map((person) => toDirectoryUser(person, tenantId, domain));
  const byId = new Map(users.map((user) => [user.id.toLowerCase(), user]));
  const byAddress = new Map<string, DirectoryUser>();
  for (const user of users) {
    byAddress.set(user.userPrincipalName.toLowerCase(), user);
    if (user.mail) byAddress.set(user.mail.toLowerCase(), user);
  }
  const inTenant = (id: string) => id.toLowerCase() === tenantId.toLowerCase();
  return {
    tenantId,
    domain,
    findUser: (tid, idOrUpn) =>
      inTenant(tid) ? (byId.get(idOrUpn.toLowerCase()) ?? upnMatch(users, idOrUpn)) : undefined,
    findByEmail: (tid, address) => (inTenant(tid) ? byAddress.get(address.trim().toLowerCase()) : undefined),
    listUsers: (tid) => (inTenant(tid) ? users : []),
    listGroups: () => SEED_GROUPS,
    findGroup: (key) => {
      const wanted = key.toLowerCase();
      return SEED_GROUPS.find(
        (g) => g.id === wanted || g.mail?.toLowerCase() === wanted || g.displayName.toLowerCase() === wanted,
      );
    },
  };
}

function upnMatch(users: readonly DirectoryUser[], upn: string): DirectoryUser | undefined {
  const wanted = upn.toLowerCase();
  return users.find((user) => user.userPrincipalName.toLowerCase() === wanted);
}

function toDirectoryUser(person: SeedPerson, tenantId: string, domain: string): DirectoryUser {
  const address = `${person.alias}@${domain}`;
  return {
    id: person.id,
    tenantId,
    displayName: `${person.givenName} ${person.surname}`,
    givenName: person.givenName,
    surname: person.surname,
    userPrincipalName: address,
    mail: person.hasMailbox === false ? null : address,
    jobTitle: person.jobTitle,
    department: person.department,
    officeLocation: person.officeLocation,
    timeZone: person.timeZone,
    workingHours: {
      daysOfWeek: person.days ?? WEEKDAYS,
      startTime: `${person.hours[0]}:00.0000000`,
      endTime: `${person.hours[1]}:00.0000000`,
      timeZone: person.timeZone,
    },
    groupIds: SEED_GROUPS.filter((group) => group.memberIds.includes(person.id)).map((group) => group.id),
  };
}

/** Extra seed facts the directory routes render but the GraphContext contract does not carry. */
export function preferredLanguageOf(userId: string): string {
  return SEED_PEOPLE.find((p) => p.id === userId)?.preferredLanguage ?? 'en-US';
}
