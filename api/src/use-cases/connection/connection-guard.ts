import { AppError } from '../../domain/app-error.ts';
import type { Identity } from '../../ports/identity.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';

/**
 * After someone disconnects their calendar (per-user mode), Confer stops reading and writing it — also
 * from the tab, where their sign-in token would otherwise quietly reconnect it — until they connect again.
 */
export async function assertNotDisconnected(tenants: Pick<TenantStore, 'getUser'>, identity: Identity): Promise<void> {
  const user = await tenants.getUser(identity.tenantId, identity.userId);
  if (user?.connectionStatus === 'not_connected' && user.connectionCheckedAt !== null) {
    throw new AppError('not_connected', 'You disconnected your calendar from Confer. Connect it again in Settings.');
  }
}
