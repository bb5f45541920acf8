export interface MailboxCounter {
  mailboxId: string;
  userPrincipalName: string | null;
  /** Graph requests addressed to this mailbox (inner `$batch` requests count one each). */
  requests: number;
  /** Of those, answered 429 (throttling or an injected storm). */
  throttled: number;
  byApp: Record<string, number>;
}

export interface CounterSnapshot {
  since: string;
  /** HTTP requests that reached `/v1.0` from outside (a `$batch` envelope counts once). */
  httpRequests: number;
  /** Graph operations (inner batch requests counted, envelopes not). */
  graphRequests: number;
  batches: number;
  mailboxes: Record<string, MailboxCounter>;
}

/** Per-mailbox request counters read by the benchmark and tests through the control API. */
export interface RequestCounters {
  countHttp(isBatchEnvelope: boolean): void;
  countGraph(): void;
  countMailbox(mailboxId: string, userPrincipalName: string | null, appId: string): void;
  countThrottled(mailboxId: string): void;
  snapshot(): CounterSnapshot;
  reset(now: Date): void;
}

export function createRequestCounters(now: Date): RequestCounters {
  let state: CounterSnapshot = empty(now);
  return {
    countHttp(isBatchEnvelope) {
      state.httpRequests += 1;
      if (isBatchEnvelope) state.batches += 1;
    },
    countGraph() {
      state.graphRequests += 1;
    },
    countMailbox(mailboxId, userPrincipalName, appId) {
      const counter = state.mailboxes[mailboxId] ?? {
        mailboxId,
        userPrincipalName,
        requests: 0,
        throttled: 0,
        byApp: {},
      };
      state.mailboxes[mailboxId] = counter;
      counter.requests += 1;
      counter.byApp[appId] = (counter.byApp[appId] ?? 0) + 1;
    },
    countThrottled(mailboxId) {
      const counter = state.mailboxes[mailboxId];
      if (counter) counter.throttled += 1;
    },
    snapshot: () => structuredClone(state),
    reset(at) {
      state = empty(at);
    },
  };
}

function empty(now: Date): CounterSnapshot {
  return { since: now.toISOString(), httpRequests: 0, graphRequests: 0, batches: 0, mailboxes: {} };
}
