import type { AccessFailureReason, AccessTestDto } from '@confer/contracts';

type Check = AccessTestDto['people'][number]['freeBusy'];

export const reasonWords: Record<AccessFailureReason, string> = {
  no_mailbox: 'admin.reason.noMailbox',
  outside_access_policy: 'admin.reason.outsidePolicy',
  consent_missing: 'admin.reason.consentMissing',
  user_not_found: 'admin.reason.userNotFound',
  throttled: 'admin.reason.throttled',
  error: 'admin.reason.error',
};

export const checkWords: Record<Check, string> = {
  ok: 'admin.check.ok',
  failed: 'admin.check.failed',
  skipped: 'admin.check.skipped',
};

/** Named people, typed one per line or separated by commas or semicolons; each once, in the order typed. */
export function namedPeopleOf(text: string): string[] {
  const people = text
    .split(/[\s,;]+/)
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  return [...new Set(people.map((value) => value.toLowerCase()))].map(
    (lower) => people.find((value) => value.toLowerCase() === lower) ?? lower,
  );
}
