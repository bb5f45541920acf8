import type { AccessFailureReason } from '@confer/contracts';
import type { ConnectionMode } from '../../ports/tenant-store.ts';

/**
 * What an admin should do about each access-test failure, in plain words, by connection mode (the fixes differ:
 * tenant-wide runs on Confer's application permissions and the Exchange access policy, per-user on each
 * person's own connection). One place, to translate.
 */
export function accessAdvice(reason: AccessFailureReason, mode: ConnectionMode): string {
  switch (reason) {
    case 'no_mailbox':
      return 'These accounts have no Exchange Online mailbox, so they have no Outlook calendar. Assign them a licence that includes Exchange Online, or leave them out of Confer.';
    case 'outside_access_policy':
      return "Exchange's Application Access Policy keeps Confer out of these mailboxes. Add these people to the mail-enabled security group the policy names, allow up to an hour for Exchange to apply it, then test again.";
    case 'consent_missing':
      return mode === 'tenant'
        ? "Confer lacks a Microsoft Graph permission it needs (admin consent missing or withdrawn). Grant admin consent to Confer from the admin center's consent page, then test again."
        : 'Confer holds no calendar connection for these people (never connected, expired, or consent withdrawn). Ask them to open Confer in Teams and connect their calendar, or grant admin consent for everyone.';
    case 'user_not_found':
      return 'The directory does not know these people. Check the spelling of the address or object id; someone who has left can be ignored.';
    case 'throttled':
      return 'Microsoft Graph was busy and refused these reads even after waiting as it asked. Nothing is wrong with their access as far as Confer can tell; run the test again in a few minutes.';
    case 'error':
      return 'Microsoft Graph refused these reads for another reason (the code is listed per person). Test again; if it persists, check the Microsoft 365 service health page.';
  }
}
