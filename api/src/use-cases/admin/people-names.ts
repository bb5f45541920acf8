import { isObjectId, type PersonNameDto } from '@confer/contracts';
import type { Logger } from '../../logging/logger.ts';
import type { DirectoryGateway } from '../../ports/directory.ts';
import type { ConnectionMode, TenantStore } from '../../ports/tenant-store.ts';
import { actorFor, callerFrom } from '../scheduling/caller.ts';
import type { Admin } from './admin-settings.ts';
import { settingsOf } from './tenant-settings.ts';

export interface PeopleNamesDeps {
  tenants: Pick<TenantStore, 'getSettings' | 'getUser'>;
  directory: Pick<DirectoryGateway, 'findUsers'>;
  defaultConnectionMode: ConnectionMode;
  logger: Logger;
}

/**
 * Names for the object ids the admin pages show: from the people Confer knows first, then from the directory (one
 * Graph request per 15 ids, as the admin: the app tenant-wide, their own connection per-user). Names are a
 * courtesy — an id stays meaningful without one — so while the integration is off, or when the directory cannot be
 * read, the answer holds only the people Confer knows.
 */
export async function namePeople(
  deps: PeopleNamesDeps,
  admin: Admin,
  ids: readonly string[],
): Promise<PersonNameDto[]> {
  const wanted = ids.filter((id) => isObjectId(admin.tenantId, id));
  const found = new Map<string, PersonNameDto>();
  for (const id of wanted) {
    const known = await deps.tenants.getUser(admin.tenantId, id);
    if (known) found.set(id, { userId: known.userId, displayName: known.displayName, email: known.email });
  }
  const missing = wanted.filter((id) => !found.has(id));
  const settings = await settingsOf(deps.tenants, admin.tenantId, deps.defaultConnectionMode);
  if (missing.length > 0 && settings.integrationEnabled) {
    try {
      const actor = await actorFor(
        { tenants: deps.tenants, defaultConnectionMode: deps.defaultConnectionMode },
        callerFrom(admin),
      );
      for (const [id, entry] of await deps.directory.findUsers(actor, missing)) {
        found.set(id, { userId: entry.userId, displayName: entry.displayName, email: entry.email });
      }
    } catch (error) {
      deps.logger.warn('the directory could not name people for the admin pages', { error });
    }
  }
  return wanted.flatMap((id) => {
    const person = found.get(id);
    return person ? [person] : [];
  });
}
