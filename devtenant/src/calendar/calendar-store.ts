import type { EventRecord } from './events/event-model.ts';

/**
 * A delta round's remembered state: which items the client holds, at which change key
 * (docs/reference/graph-calendar.md §5).
 */
export interface DeltaSyncState {
  mailboxId: string;
  fromMs: number;
  toMs: number;
  /** Item id → change key, for every item the client has been sent so far. */
  known: Record<string, string>;
}

/** The unsent rest of a delta round, reached through `$skiptoken`. */
export interface DeltaPageState {
  mailboxId: string;
  sync: DeltaSyncState;
  /** Items still to send: an id to render, or an id to report as removed. */
  pending: { id: string; removed: boolean }[];
}

export interface CalendarStateSnapshot {
  version: 1;
  mailboxes: Record<string, Record<string, EventRecord>>;
  transactions: Record<string, Record<string, string>>;
  deltaTokens: Record<string, DeltaSyncState>;
  deltaPages: Record<string, DeltaPageState>;
}

/** All calendar state of the tenant, kept JSON-serialisable so the core can persist it to a file. */
export class CalendarStore {
  private state: CalendarStateSnapshot = emptyState();
  /** iCalUId → `mailboxId/eventId` of the items carrying it; derived from `state`, rebuilt on restore. */
  private byICalUId = new Map<string, Set<string>>();

  records(mailboxId: string): EventRecord[] {
    return Object.values(this.state.mailboxes[mailboxId] ?? {});
  }

  get(mailboxId: string, id: string): EventRecord | undefined {
    return this.state.mailboxes[mailboxId]?.[id];
  }

  put(mailboxId: string, record: EventRecord): void {
    this.state.mailboxes[mailboxId] ??= {};
    this.state.mailboxes[mailboxId][record.id] = record;
    const holders = this.byICalUId.get(record.iCalUId) ?? new Set<string>();
    holders.add(`${mailboxId}/${record.id}`);
    this.byICalUId.set(record.iCalUId, holders);
  }

  remove(mailboxId: string, id: string): void {
    const record = this.state.mailboxes[mailboxId]?.[id];
    if (!record) return;
    delete this.state.mailboxes[mailboxId]?.[id];
    this.byICalUId.get(record.iCalUId)?.delete(`${mailboxId}/${id}`);
  }

  /** Every copy of a meeting across the tenant: the organizer's item and the attendees' items share the iCalUId. */
  findByICalUId(iCalUId: string): { mailboxId: string; record: EventRecord }[] {
    const found: { mailboxId: string; record: EventRecord }[] = [];
    for (const key of this.byICalUId.get(iCalUId) ?? []) {
      const [mailboxId, id] = key.split('/') as [string, string];
      const record = this.state.mailboxes[mailboxId]?.[id];
      if (record?.iCalUId === iCalUId) found.push({ mailboxId, record });
    }
    return found;
  }

  private reindex(): void {
    this.byICalUId = new Map();
    for (const [mailboxId, events] of Object.entries(this.state.mailboxes)) {
      for (const record of Object.values(events)) this.put(mailboxId, record);
    }
  }

  transactionEventId(mailboxId: string, transactionId: string): string | undefined {
    return this.state.transactions[mailboxId]?.[transactionId];
  }

  rememberTransaction(mailboxId: string, transactionId: string, eventId: string): void {
    this.state.transactions[mailboxId] ??= {};
    this.state.transactions[mailboxId][transactionId] = eventId;
  }

  deltaToken(token: string): DeltaSyncState | undefined {
    return this.state.deltaTokens[token];
  }

  saveDeltaToken(token: string, sync: DeltaSyncState): void {
    this.state.deltaTokens[token] = sync;
  }

  deltaPage(token: string): DeltaPageState | undefined {
    return this.state.deltaPages[token];
  }

  saveDeltaPage(token: string, page: DeltaPageState): void {
    this.state.deltaPages[token] = page;
  }

  dropDeltaPage(token: string): void {
    delete this.state.deltaPages[token];
  }

  /**
   * Forgets sync state so the tokens answer 410 syncStateNotFound (Outlook delta tokens are cache-based,
   * docs/reference/graph-calendar.md §5).
   */
  expireDeltaTokens(mailboxId?: string): void {
    for (const bag of [this.state.deltaTokens, this.state.deltaPages] as Record<string, { mailboxId: string }>[]) {
      for (const [token, value] of Object.entries(bag)) {
        if (mailboxId === undefined || value.mailboxId === mailboxId) delete bag[token];
      }
    }
  }

  clear(): void {
    this.state = emptyState();
    this.byICalUId = new Map();
  }

  snapshot(): CalendarStateSnapshot {
    return structuredClone(this.state);
  }

  restore(state: unknown): void {
    if (!isSnapshot(state)) throw new Error('Calendar state to restore is not a calendar snapshot (version 1).');
    this.state = structuredClone(state);
    this.reindex();
  }
}

function emptyState(): CalendarStateSnapshot {
  return { version: 1, mailboxes: {}, transactions: {}, deltaTokens: {}, deltaPages: {} };
}

function isSnapshot(value: unknown): value is CalendarStateSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CalendarStateSnapshot>;
  return (
    candidate.version === 1 &&
    typeof candidate.mailboxes === 'object' &&
    typeof candidate.transactions === 'object' &&
    typeof candidate.deltaTokens === 'object' &&
    typeof candidate.deltaPages === 'object'
  );
}
