export interface DirectoryPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  tenantId: string;
}

/** The tenant's people, read with the app's own (application) permission. */
export interface DirectoryGateway {
  listPeople(limit: number): Promise<DirectoryPerson[]>;
}
