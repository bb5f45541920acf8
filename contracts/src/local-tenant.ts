/**
 * The local tenant (devtenant, standing in for the Microsoft 365 Agents Playground's tenant): its ids, defined
 * once for the API, the bot, devtenant, the tab and the tests. Env files, manifests and docs that cannot import
 * them repeat the values, and a repository test holds env/.env.local to them.
 */

/**
 * The Agents Playground's tenant id. It is not a GUID: its last group has 13 hex digits. It is accepted where a
 * tenant id is checked only as this exact value (see isTenantId), so a mistyped real tenant id is still refused.
 */
export const LOCAL_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** Confer's app (client) id as registered in the local tenant. */
export const LOCAL_CLIENT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

/** The Agents Playground's default bot id, which the app serves locally at /api/messages. */
export const LOCAL_BOT_ID = '00000000-0000-0000-0000-000000000011';

/** An Entra id as Entra writes it: 8-4-4-4-12 hex digits. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID, or the local tenant's id (the one tenant id that is not a GUID). */
export function isTenantId(value: string): boolean {
  return GUID_PATTERN.test(value) || value === LOCAL_TENANT_ID;
}

/**
 * Object id of the Agents Playground's person number `n` (Alex Wilber is 20): like the tenant id, 13 digits in
 * the last group, so a bot conversation started in the Playground maps onto the local directory's people.
 */
export function playgroundUserId(n: number): string {
  return `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
}

const PLAYGROUND_USER_ID = /^00000000-0000-0000-0000-[0-9]{13}$/;

/** An Entra object id in `tenantId`: a GUID, or in the local tenant also one of the Playground's people. */
export function isObjectId(tenantId: string, value: string): boolean {
  return GUID_PATTERN.test(value) || (tenantId === LOCAL_TENANT_ID && PLAYGROUND_USER_ID.test(value));
}
