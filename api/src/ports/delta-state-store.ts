/** Where the delta backstop of one watched calendar stands (docs/reference/graph-calendar.md §5). */
export interface DeltaState {
  tenantId: string;
  userId: string;
  /** The link the next round starts from; null after a lost sync state (the next round starts from scratch). */
  deltaLink: string | null;
  /** The window the link covers (ISO instants); a round over another window starts from scratch. */
  windowStart: string;
  windowEnd: string;
  syncedAt: string;
}

export interface DeltaStateStore {
  get(tenantId: string, userId: string): Promise<DeltaState | undefined>;
  /** Inserts or replaces the person's state. */
  save(state: DeltaState): Promise<void>;
  /** Forgets the person's state (their calendar is no longer watched). */
  remove(tenantId: string, userId: string): Promise<void>;
}
