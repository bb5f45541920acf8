import type { AccessFailureReason, AccessTestDto } from '@confer/contracts';

type Check = AccessTestDto['people'][number]['freeBusy'];

export const reasonWords: Record<AccessFailureReason, string> = {
  no_mailbox: 'No Exchange Online mailbox',
  outside_access_policy: 'Outside the application access policy',
  consent_missing: 'Consent missing',
  user_not_found: 'Not in the directory',
  throttled: 'Outlook was busy (throttled)',
  error: 'Unexpected error',
};

export const checkWords: Record<Check, string> = { ok: 'Passed', failed: 'Failed', skipped: 'Not tried' };

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
