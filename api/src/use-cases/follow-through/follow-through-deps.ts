import type { OutboundQueue } from '@confer/bot/ports';
import type { Logger } from '../../logging/logger.ts';
import type { AttendanceGateway } from '../../ports/attendance-gateway.ts';
import type { AttendanceStore } from '../../ports/attendance-store.ts';
import type { CadenceStore } from '../../ports/cadence-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import type { ConnectionMode, MeetingTypeStore, TenantStore } from '../../ports/tenant-store.ts';

/**
 * Whether either person is out of the office now (their calendar shows time away): a nudge waits until they are
 * back. Reads Graph; asked only for pairs that are due.
 */
export type AwayCheck = (
  tenantId: string,
  recipient: { userId: string; email: string },
  partnerEmail: string,
) => Promise<boolean>;

/** What attendance collection, follow-ups and cadence nudges need. */
export interface FollowThroughDeps {
  clock: Clock;
  logger: Logger;
  meetings: MeetingStore;
  attendance: AttendanceStore;
  pairs: CadenceStore;
  meetingTypes: MeetingTypeStore;
  tenants: TenantStore;
  gateway: AttendanceGateway;
  queue: OutboundQueue;
  away: AwayCheck;
  /** The connection mode of a tenant that has not chosen one (a person's first record says how they connect). */
  defaultConnectionMode: ConnectionMode;
}
