import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** A user token the service holds for one Teams user, connection and channel (what GetToken answers). */
export interface HeldToken {
  token: string;
  /** ISO instant. */
  expiration: string;
}

/** A sign-in started by a sign-in link, waiting for the person at the authorize page. */
export interface PendingSignIn {
  connectionName: string;
  /** The Teams user id from the state's conversation reference (the bot asks GetToken with it). */
  userId: string;
  channelId: string;
  expiresAt: number;
}

/** Why the service refuses an exchange for a person, set through the control API. */
export type ExchangeFault = 'consent_required' | 'account_disabled' | 'not_in_group';

/** A finished sign-in whose token the bot collects with the magic code (GetToken `code`, `signin/verifyState`). */
interface CodedToken extends HeldToken {
  userId: string;
  connectionName: string;
  channelId: string;
  expiresAt: number;
}

/** Sign-in links and magic codes live as long as the real service's: a few minutes. */
export const SIGN_IN_LIFETIME_MS = 15 * 60_000;
export const MAGIC_CODE_LIFETIME_MS = 5 * 60_000;

/** Everything the token service remembers; in memory, reset with the control API. */
export interface TokenServiceState {
  held(userId: string, connectionName: string, channelId: string): HeldToken | undefined;
  hold(userId: string, connectionName: string, channelId: string, token: HeldToken): void;
  drop(userId: string, connectionName: string | undefined, channelId: string | undefined): number;
  startSignIn(pending: PendingSignIn): string;
  /** The live sign-in behind a link, left in place (the link may be opened again before the page returns). */
  peekSignIn(id: string, now: number): PendingSignIn | undefined;
  /** Single use: the authorize page returns once per sign-in link. */
  takeSignIn(id: string, now: number): PendingSignIn | undefined;
  /** A six-digit code for the token, unique among the live ones. */
  issueCode(token: Omit<CodedToken, 'expiresAt'>, now: number): string;
  /** Single use; the code must have been issued for this user, connection and channel. */
  redeemCode(
    code: string,
    userId: string,
    connectionName: string,
    channelId: string,
    now: number,
  ): HeldToken | undefined;
  faultOf(aadObjectId: string): ExchangeFault | undefined;
  setFault(aadObjectId: string, fault: ExchangeFault | null): void;
  /** How many exchanges each Teams user made (tests check a replay reaches the service again, or not). */
  exchanges(userId: string): number;
  countExchange(userId: string): void;
  reset(): void;
}

export function createTokenServiceState(): TokenServiceState {
  let tokens = new Map<string, HeldToken>();
  let signIns = new Map<string, PendingSignIn>();
  let codes = new Map<string, CodedToken>();
  let faults = new Map<string, ExchangeFault>();
  let counts = new Map<string, number>();
  const key = (userId: string, connection: string, channel: string) =>
    `${userId}\n${connection.toLowerCase()}\n${channel.toLowerCase()}`;
  return {
    held: (userId, connection, channel) => tokens.get(key(userId, connection, channel)),
    hold(userId, connection, channel, token) {
      tokens.set(key(userId, connection, channel), { ...token });
    },
    drop(userId, connection, channel) {
      let dropped = 0;
      for (const k of [...tokens.keys()]) {
        const [user, conn, chan] = k.split('\n');
        if (user !== userId) continue;
        if (connection && conn !== connection.toLowerCase()) continue;
        if (channel && chan !== channel.toLowerCase()) continue;
        tokens.delete(k);
        dropped++;
      }
      return dropped;
    },
    startSignIn(pending) {
      const id = randomUUID();
      signIns.set(id, { ...pending });
      return id;
    },
    peekSignIn(id, now) {
      const pending = signIns.get(id);
      return pending && pending.expiresAt > now ? { ...pending } : undefined;
    },
    takeSignIn(id, now) {
      const pending = signIns.get(id);
      signIns.delete(id);
      return pending && pending.expiresAt > now ? pending : undefined;
    },
    issueCode(token, now) {
      for (const [code, held] of codes) if (held.expiresAt <= now) codes.delete(code);
      let code = '';
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (codes.has(code));
      codes.set(code, { ...token, expiresAt: now + MAGIC_CODE_LIFETIME_MS });
      return code;
    },
    redeemCode(code, userId, connection, channel, now) {
      const held = codes.get(code);
      if (!held) return undefined;
      const matches =
        held.userId === userId &&
        held.connectionName.toLowerCase() === connection.toLowerCase() &&
        held.channelId.toLowerCase() === channel.toLowerCase();
      if (!matches) return undefined;
      codes.delete(code);
      return held.expiresAt > now ? { token: held.token, expiration: held.expiration } : undefined;
    },
    faultOf: (aadObjectId) => faults.get(aadObjectId.toLowerCase()),
    setFault(aadObjectId, fault) {
      if (fault) faults.set(aadObjectId.toLowerCase(), fault);
      else faults.delete(aadObjectId.toLowerCase());
    },
    exchanges: (userId) => counts.get(userId) ?? 0,
    countExchange(userId) {
      counts.set(userId, (counts.get(userId) ?? 0) + 1);
    },
    reset() {
      tokens = new Map();
      signIns = new Map();
      codes = new Map();
      faults = new Map();
      counts = new Map();
    },
  };
}

/** An opaque id that is not a guessable sequence (used for token exchange resource ids). */
export function opaqueId(): string {
  return randomBytes(16).toString('hex');
}
