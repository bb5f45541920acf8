import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPostgresConversationStore } from '../../api/src/adapters/postgres/pg-conversation-store.ts';
import { openPostgres } from '../../api/src/adapters/postgres/pg-database.ts';
import { createPostgresOutboundStore } from '../../api/src/adapters/postgres/pg-outbound-queue-store.ts';
import type { OutboundState } from '../../bot/src/delivery/index.ts';
import { startLocalTeamsConnector } from '../../bot/src/delivery/test-support/teams-connector.ts';
import { relayDatabase } from '../../tests/support/tcp-proxy.ts';
import type { ReplicaEvent, ReplicaProcessOptions } from './pg-delivery-replica.ts';
import { seedReminders } from './reminder-batch.ts';

export interface ReplicatedRunOptions {
  /** A fresh database of the run's own (the replicas migrate it, as production would). */
  databaseUrl: string;
  messages: number;
  conversations: number;
  replicas: number;
  /** SIGKILL the leading replica right after the connector stores this many messages (before it answers). */
  killLeaderAfterAccepted: number | null;
  /** How long a claimed message stays a worker's (the app's default is 60 s; shorter, so a run ends sooner). */
  claimLeaseMs?: number;
  sendTimeoutMs?: number;
  /** Gives up (kills every replica, throws) when the run takes longer than this. */
  timeoutMs?: number;
  /**
   * Takes the database away from the replicas (every connection reset, new ones refused, through a relay) right
   * after the connector stores this many messages, for `forMs`: a database restart as the replicas see it.
   */
  cutDatabase?: { afterAccepted: number; forMs: number };
}

export interface LeaderTerm {
  pid: number;
  /** When it started leading (its own clock, the same host's). */
  at: number;
  /** When its delivery had stopped (requests in flight answered) or it was killed; null while leading. */
  until: number | null;
}

export interface ReplicatedRunResult {
  keys: string[];
  /** Deliveries per key, as the connector counted them. */
  deliveries: Map<string, number>;
  /** From the replicas' start to the last message the connector accepted. */
  durationMs: number;
  throttled: number;
  /** Every replica's turns as leader, in order (one that gets the lease once the work is done leads too). */
  leaders: LeaderTerm[];
  killed: { pid: number; at: number } | null;
  /** From the kill to the first message the connector accepted from the next leader. */
  takeoverMs: number | null;
  /** Messages the killed leader left `sending` (sent or not, unknown to the store). */
  inDoubtAtKill: number;
  /** Updates by the proposed id: the next leader asking whether an in-doubt message arrived. */
  confirmations: number;
  finalStates: Record<OutboundState, number>;
}

interface Replica {
  child: ChildProcess;
  exited: Promise<void>;
}

const script = join(import.meta.dirname, 'pg-delivery-replica.ts');

/**
 * Reminders all due now in PostgreSQL, several replica processes on that database of which only the lease holder
 * sends, into a connector enforcing Teams' limits; the leader SIGKILLed mid-batch at the worst moment (the
 * connector has the message, the store does not know), and the others left to notice and finish.
 */
export async function runReplicatedDelivery(options: ReplicatedRunOptions): Promise<ReplicatedRunResult> {
  const clock = { now: () => new Date() };
  const db = await openPostgres({ url: options.databaseUrl, poolSize: 2 });
  const store = createPostgresOutboundStore(db, clock);
  const replicas: Replica[] = [];
  const leaders: LeaderTerm[] = [];
  let killed: { pid: number; at: number } | null = null;
  let inDoubtAtKill: Promise<number> = Promise.resolve(0);
  const relayed = options.cutDatabase ? await relayDatabase(options.databaseUrl) : null;
  const relay = relayed?.relay ?? null;
  let cut = false;
  const connector = await startLocalTeamsConnector({
    onAccepted: (_activity, count) => {
      if (relay && options.cutDatabase && count === options.cutDatabase.afterAccepted && !cut) {
        cut = true;
        relay.cut();
        setTimeout(() => relay.restore(), options.cutDatabase.forMs).unref();
      }
      if (count !== options.killLeaderAfterAccepted || killed) return;
      // The one that said last it leads (the run then reports `killed: null` should none have).
      const leader = replicas.find((replica) => replica.child.pid === leaders.at(-1)?.pid);
      if (!leader?.child.pid) return;
      leader.child.kill('SIGKILL');
      killed = { pid: leader.child.pid, at: Date.now() };
      (leaders.at(-1) as LeaderTerm).until = killed.at;
      // The others cannot take over before the lease expires, so what is `sending` now is the killed one's.
      inDoubtAtKill = store.countByState().then((counts) => counts.sending);
    },
  });
  try {
    const keys = await seedReminders({
      conversations: createPostgresConversationStore(db),
      queue: store,
      messages: options.messages,
      people: options.conversations,
      serviceUrl: connector.serviceUrl,
      due: clock.now(),
    });
    const started = Date.now();
    const replicaOptions: ReplicaProcessOptions = {
      databaseUrl: relayed?.url ?? options.databaseUrl,
      leaseMs: options.claimLeaseMs ?? 15_000,
      sendTimeoutMs: options.sendTimeoutMs ?? 5_000,
    };
    for (let index = 0; index < options.replicas; index++) {
      replicas.push(startReplica(replicaOptions, (event) => recordTerm(leaders, event)));
    }
    await withinTime(
      Promise.all(replicas.map((replica) => replica.exited)),
      options.timeoutMs ?? defaultTimeout(options),
    );
    const last = connector.accepted.at(-1)?.receivedAt ?? Date.now();
    return {
      keys,
      deliveries: connector.deliveries,
      durationMs: last - started,
      throttled: connector.throttled,
      leaders,
      killed,
      takeoverMs: takeoverOf(killed, leaders, connector.accepted),
      inDoubtAtKill: await inDoubtAtKill,
      confirmations: connector.updates,
      finalStates: await store.countByState(),
    };
  } finally {
    for (const { child } of replicas) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await connector.close();
    await db.close();
    await relay?.close();
  }
}

function startReplica(options: ReplicaProcessOptions, onEvent: (event: ReplicaEvent) => void): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    // Events are JSON lines; anything else a library prints passes through.
    if (line.startsWith('{')) onEvent(JSON.parse(line) as ReplicaEvent);
    else process.stderr.write(`${line}\n`);
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    // SIGKILL is the run's own doing; any other end but a clean exit is a failed replica.
    if (code !== 0 && signal !== 'SIGKILL') throw new Error(`replica ${child.pid} ended with ${code ?? signal}`);
  });
  return { child, exited };
}

function recordTerm(leaders: LeaderTerm[], event: ReplicaEvent): void {
  if (event.event === 'leading') leaders.push({ pid: event.pid, at: event.at, until: null });
  if (event.event !== 'stopped') return;
  const term = leaders.findLast((candidate) => candidate.pid === event.pid);
  if (term) term.until = event.at;
}

function takeoverOf(
  killed: { at: number } | null,
  leaders: readonly LeaderTerm[],
  accepted: readonly { receivedAt: number }[],
): number | null {
  if (!killed) return null;
  // The next leader's first message: anything accepted before it led was still the killed replica's, in flight.
  const next = leaders.find((term) => term.at >= killed.at);
  const first = next && accepted.find((activity) => activity.receivedAt >= next.at);
  return first ? first.receivedAt - killed.at : null;
}

/** Twice what Teams' 50/s per tenant needs for the messages, plus a minute for starting and taking over. */
function defaultTimeout(options: ReplicatedRunOptions): number {
  return Math.ceil(options.messages / 50) * 2_000 + 60_000;
}

async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`replicated delivery did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
