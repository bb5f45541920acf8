import { z } from 'zod';

/**
 * Faults injected into Graph requests (not Entra, not the control API), so clients' retry, timeout and
 * degradation paths can be exercised: latency, error rates per HTTP status, and 429 storms.
 */
export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Uniform extra latency in [0, jitterMs). */
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    /** Probability per status, e.g. `{ "503": 0.1, "500": 0.02 }`; the sum must stay ≤ 1. */
    errorRates: z
      .record(z.string().regex(/^[45]\d\d$/, 'a 4xx or 5xx status'), z.number().min(0).max(1))
      .default({})
      .refine((rates) => Object.values(rates).reduce((a, b) => a + b, 0) <= 1, 'error rates must add up to at most 1'),
    /** Only requests whose path (below /v1.0) starts with one of these are affected; empty = all. */
    pathPrefixes: z.array(z.string().startsWith('/')).default([]),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const stormSchema = z
  .object({
    /** How many Graph requests get 429 (counted down) … */
    requests: z.number().int().min(1).max(1_000_000).optional(),
    /** … or for how long (real milliseconds), whichever ends first. At least one is required. */
    durationMs: z.number().int().min(1).max(3_600_000).optional(),
    retryAfterSeconds: z.number().min(0).max(180).default(2),
    /** Limit the storm to one mailbox (id or UPN); absent = every mailbox and non-mailbox request. */
    mailbox: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.requests !== undefined || s.durationMs !== undefined, 'give requests or durationMs');

export type StormRequest = z.infer<typeof stormSchema>;

export interface Storm {
  remaining: number | undefined;
  endsAt: number | undefined;
  retryAfterSeconds: number;
  mailboxId: string | undefined;
}

export type FaultDecision =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'storm'; latencyMs: number; retryAfterSeconds: number }
  | { kind: 'error'; latencyMs: number; status: number };

export interface FaultInjector {
  settings(): FaultSettings;
  configure(settings: FaultSettings): void;
  startStorm(storm: Storm): void;
  stopStorm(): void;
  storm(): Storm | undefined;
  decide(path: string, mailboxId: string | undefined): FaultDecision;
  reset(): void;
}

export interface FaultDeps {
  random: () => number;
  /** Real (monotonic) milliseconds: storms last wall-clock time even when the tenant clock jumps. */
  monotonicNow: () => number;
}

const NO_FAULTS: FaultSettings = { latencyMs: 0, jitterMs: 0, errorRates: {}, pathPrefixes: [] };

export function createFaultInjector(deps: FaultDeps): FaultInjector {
  let settings = NO_FAULTS;
  let storm: Storm | undefined;
  const stormApplies = (mailboxId: string | undefined): boolean => {
    if (!storm) return false;
    const expired = (storm.endsAt !== undefined && deps.monotonicNow() >= storm.endsAt) || storm.remaining === 0;
    if (expired) {
      storm = undefined;
      return false;
    }
    return !storm.mailboxId || storm.mailboxId === mailboxId;
  };
  return {
    settings: () => settings,
    configure(next) {
      settings = next;
    },
    startStorm(next) {
      storm = { ...next };
    },
    stopStorm() {
      storm = undefined;
    },
    storm: () => (storm ? { ...storm } : undefined),
    decide(path, mailboxId) {
      const affected =
        settings.pathPrefixes.length === 0 ||
        settings.pathPrefixes.some((p) => path.toLowerCase().startsWith(p.toLowerCase()));
      const latencyMs = affected ? settings.latencyMs + Math.floor(deps.random() * settings.jitterMs) : 0;
      if (stormApplies(mailboxId) && storm) {
        if (storm.remaining !== undefined) storm.remaining -= 1;
        return { kind: 'storm', latencyMs, retryAfterSeconds: storm.retryAfterSeconds };
      }
      if (!affected) return { kind: 'none', latencyMs };
      let roll = deps.random();
      for (const [status, rate] of Object.entries(settings.errorRates)) {
        if (roll < rate) return { kind: 'error', latencyMs, status: Number(status) };
        roll -= rate;
      }
      return { kind: 'none', latencyMs };
    },
    reset() {
      settings = NO_FAULTS;
      storm = undefined;
    },
  };
}
