import type { GraphActor } from './scheduling-gateway.ts';

export interface DirectoryPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  tenantId: string;
}

/** A person found in the tenant's directory. */
export interface DirectoryEntry {
  userId: string;
  email: string;
  displayName: string;
  /** False for an account without an Exchange mailbox (its calendar cannot be read). */
  hasMailbox: boolean;
}

/** The tenant's people, read through Graph. */
export interface DirectoryGateway {
  /** With the app's own permission (tenant-wide): the demo people list of the Teams-host emulation. */
  listPeople(limit: number): Promise<DirectoryPerson[]>;
  /** Looks addresses up by mail/UPN; an address missing from the result is outside the organisation. */
  resolveEmails(actor: GraphActor, emails: readonly string[]): Promise<Map<string, DirectoryEntry>>;
  /** People picker: name, mail or UPN starting with the text. */
  searchPeople(actor: GraphActor, text: string, limit: number): Promise<DirectoryEntry[]>;
  /** People by Entra object id (keyed in lower case); an id the directory does not know is absent. */
  findUsers(actor: GraphActor, userIds: readonly string[]): Promise<Map<string, DirectoryEntry>>;
  /** Whether the tenant has a user with this object id (Graph's 404 says no); other failures throw. */
  hasUser(actor: GraphActor, userId: string): Promise<boolean>;
}
