import { AppError } from '../../domain/app-error.ts';
import type { ConnectionMode, TenantSettings, TenantStore } from '../../ports/tenant-store.ts';

/** The settings a tenant works under: what an admin saved, or the defaults where nobody has yet. */
export type EffectiveSettings = Omit<TenantSettings, 'updatedAt'> & { updatedAt: Date | null };

/**
 * Read on every call, never cached: an admin switching the mode or the integration off takes effect with the
 * very next request, card click or background round.
 */
export async function settingsOf(
  tenants: Pick<TenantStore, 'getSettings'>,
  tenantId: string,
  defaultMode: ConnectionMode,
): Promise<EffectiveSettings> {
  return (
    (await tenants.getSettings(tenantId)) ?? {
      tenantId,
      connectionMode: defaultMode,
      securityGroupId: null,
      integrationEnabled: true,
      allowDisconnect: true,
      integrationOwners: [],
      updatedAt: null,
    }
  );
}

/** What the person is told wherever Confer would have used their calendar while the integration is off. */
export const INTEGRATION_OFF_MESSAGE =
  'Your organisation has switched the Outlook integration off, so Confer does not read or change calendars. Ask your admin if you need it.';

/** Stops any Graph call for a tenant whose admin switched the Outlook integration off. */
export function assertIntegrationOn(settings: Pick<TenantSettings, 'integrationEnabled'>): void {
  if (!settings.integrationEnabled) throw new AppError('integration_off', INTEGRATION_OFF_MESSAGE);
}
