import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../ports/clock.ts';
import type { DirectoryGateway } from '../../ports/directory.ts';
import type { MeetingNotifier } from '../../ports/meeting-notifier.ts';
import type { MeetingHistoryStore, MeetingStore } from '../../ports/meeting-store.ts';
import type { NotesStore } from '../../ports/notes-store.ts';
import type { SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import type { ConnectionMode, MeetingTypeStore, TenantStore } from '../../ports/tenant-store.ts';
import type { AvailabilityCache } from './availability-cache.ts';

/** Everything the scheduling use cases need, passed in (no container, no globals). */
export interface SchedulingDeps {
  clock: Clock;
  logger: Logger;
  gateway: SchedulingGateway;
  directory: Pick<DirectoryGateway, 'resolveEmails' | 'searchPeople'>;
  meetings: MeetingStore;
  history: MeetingHistoryStore;
  notes: NotesStore;
  tenants: TenantStore;
  meetingTypes: MeetingTypeStore;
  availabilityCache: AvailabilityCache;
  newId: () => string;
  /** Public URL of the tab, for "open in Confer" links in invitations. */
  tabUrl: string;
  /** The connection mode of a tenant that has not chosen one. */
  defaultConnectionMode: ConnectionMode;
  /** Tells the people in a meeting what changed (the bot's cards and reminders); absent = nobody is told. */
  notifier?: MeetingNotifier;
}
