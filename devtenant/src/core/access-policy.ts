import type { DirectoryUser } from '../graph/context.ts';

/**
 * Exchange Online Application Access Policies (`New-ApplicationAccessPolicy`, docs/reference/graph-calendar.md §8): per
 * app id, `RestrictAccess` limits app-only mailbox access to members of a mail-enabled security group, `DenyAccess`
 * blocks exactly those members. Delegated access is never affected.
 */
export interface ApplicationAccessPolicy {
  appId: string;
  groupId: string;
  accessRight: 'RestrictAccess' | 'DenyAccess';
  description: string;
}

export interface AccessPolicyStore {
  list(): readonly ApplicationAccessPolicy[];
  set(policy: ApplicationAccessPolicy): void;
  remove(appId: string): boolean;
  /** `Test-ApplicationAccessPolicy`: may this app reach this mailbox with application permissions? */
  allows(appId: string, user: DirectoryUser): boolean;
  snapshot(): ApplicationAccessPolicy[];
  restore(policies: readonly ApplicationAccessPolicy[]): void;
}

export function createAccessPolicyStore(): AccessPolicyStore {
  let policies: ApplicationAccessPolicy[] = [];
  const forApp = (appId: string) => policies.filter((p) => p.appId.toLowerCase() === appId.toLowerCase());
  return {
    list: () => policies,
    set(policy) {
      policies = [...policies.filter((p) => p.appId.toLowerCase() !== policy.appId.toLowerCase()), { ...policy }];
    },
    remove(appId) {
      const before = policies.length;
      policies = policies.filter((p) => p.appId.toLowerCase() !== appId.toLowerCase());
      return policies.length !== before;
    },
    allows(appId, user) {
      return forApp(appId).every((policy) => {
        const member = user.groupIds.includes(policy.groupId);
        return policy.accessRight === 'RestrictAccess' ? member : !member;
      });
    },
    snapshot: () => policies.map((p) => ({ ...p })),
    restore(snapshot) {
      policies = snapshot.map((p) => ({ ...p }));
    },
  };
}

/**
 * The body Exchange answers for a mailbox outside the policy (observed wording, docs/reference/graph-calendar.md §8).
 */
export const RAOP_MESSAGE =
  'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';
