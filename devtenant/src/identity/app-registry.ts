import { createHash } from 'node:crypto';
import type { AppRegistration } from '../core/options.ts';

export interface RegisteredApp extends AppRegistration {
  /** Object id of the app's service principal in this tenant: the `oid`/`sub` of its app-only tokens. */
  servicePrincipalId: string;
}

export interface AppRegistry {
  list(): readonly RegisteredApp[];
  byClientId(clientId: string): RegisteredApp | undefined;
  /** The app whose API a resource identifier names: an identifier URI, `api://{clientId}` or the bare client id. */
  byResource(resource: string): RegisteredApp | undefined;
}

export function createAppRegistry(apps: readonly AppRegistration[]): AppRegistry {
  const registered = apps.map((app) => ({ ...app, servicePrincipalId: deterministicGuid(`sp:${app.clientId}`) }));
  const normalise = (value: string) => value.replace(/\/+$/, '').toLowerCase();
  return {
    list: () => registered,
    byClientId: (clientId) => registered.find((app) => app.clientId.toLowerCase() === clientId.toLowerCase()),
    byResource: (resource) => {
      const wanted = normalise(resource);
      return registered.find(
        (app) =>
          app.clientId.toLowerCase() === wanted ||
          `api://${app.clientId}`.toLowerCase() === wanted ||
          app.identifierUris.some((uri) => normalise(uri) === wanted),
      );
    },
  };
}

/** A stable GUID-shaped id derived from a name, so restarts give the same service principal ids. */
export function deterministicGuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
