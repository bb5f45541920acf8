import type { MeetingControlState, SessionOutcome } from '../online-meetings-service.ts';

export type { MeetingControlState, SessionOutcome };

/** Any fetch that reaches devtenant and trusts its CA (undici with the tenant's `caPem`, `TestTenant.fetch`, …). */
export type ControlFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Who joins or leaves: a person of the tenant by object id or UPN, or anyone (guests included) by address. */
export type MeetingPerson =
  | { userId: string; email?: never; displayName?: never }
  | { email: string; userId?: never; displayName?: string };

export interface TeamsAccessPolicyView {
  global: boolean;
  userIds: string[];
  appIds: string[] | null;
}

/** A refused control call, with the control API's `{ error: { code, message } }`. */
export class OnlineMeetingsControlError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(`${status} ${code}: ${message}`);
    this.name = 'OnlineMeetingsControlError';
    this.status = status;
    this.code = code;
  }
}

export interface OnlineMeetingsControl {
  /** `POST /_devtenant/online-meetings/join`; `at` defaults to the tenant clock's now. */
  join(
    joinWebUrl: string,
    who: MeetingPerson & { role?: 'Presenter' | 'Attendee' },
    at?: Date | string,
  ): Promise<MeetingControlState>;
  /** `POST /_devtenant/online-meetings/leave`; the last one out ends the session. */
  leave(joinWebUrl: string, who: MeetingPerson, at?: Date | string): Promise<SessionOutcome>;
  /** `POST /_devtenant/online-meetings/end`: everyone still in the meeting leaves at `at`. */
  end(joinWebUrl: string, at?: Date | string): Promise<SessionOutcome>;
  /** `PUT /_devtenant/online-meetings/settings`. */
  settings(
    joinWebUrl: string,
    settings: { reportDelaySeconds?: number; noReport?: boolean },
  ): Promise<MeetingControlState>;
  /** `GET /_devtenant/online-meetings/state?joinWebUrl=…`. */
  state(joinWebUrl: string): Promise<MeetingControlState>;
  /** `GET /_devtenant/online-meetings/access-policy`. */
  accessPolicy(): Promise<TeamsAccessPolicyView>;
  /** `PUT /_devtenant/online-meetings/access-policy`: users by id or UPN; `appIds` absent = every app. */
  setAccessPolicy(policy: { global?: boolean; users?: string[]; appIds?: string[] }): Promise<TeamsAccessPolicyView>;
  /** `DELETE /_devtenant/online-meetings/access-policy`: no app may read anyone's meetings with app permissions. */
  removeAccessPolicy(): Promise<TeamsAccessPolicyView>;
}

/**
 * Typed calls to devtenant's online meetings control API (docs/online-meetings.md) for tests that drive Teams
 * attendance. `origin` is the tenant's `https://localhost:<port>`; failures throw `OnlineMeetingsControlError`.
 */
export function onlineMeetingsControl(origin: string, fetch: ControlFetch): OnlineMeetingsControl {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/_devtenant/online-meetings${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (response.status >= 400) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new OnlineMeetingsControlError(response.status, error?.code ?? 'unknown', error?.message ?? text);
    }
    return parsed as T;
  };
  const instant = (at: Date | string | undefined) =>
    at === undefined ? {} : { at: typeof at === 'string' ? at : at.toISOString() };
  return {
    join: (joinWebUrl, who, at) => call('POST', '/join', { joinWebUrl, ...who, ...instant(at) }),
    leave: (joinWebUrl, who, at) =>
      call('POST', '/leave', {
        joinWebUrl,
        ...(who.userId !== undefined ? { userId: who.userId } : { email: who.email }),
        ...instant(at),
      }),
    end: (joinWebUrl, at) => call('POST', '/end', { joinWebUrl, ...instant(at) }),
    settings: (joinWebUrl, settings) => call('PUT', '/settings', { joinWebUrl, ...settings }),
    state: (joinWebUrl) => call('GET', `/state?joinWebUrl=${encodeURIComponent(joinWebUrl)}`),
    accessPolicy: () => call('GET', '/access-policy'),
    setAccessPolicy: (policy) => call('PUT', '/access-policy', policy),
    removeAccessPolicy: () => call('DELETE', '/access-policy'),
  };
}
