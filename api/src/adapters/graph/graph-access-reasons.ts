import type { AccessFailureReason } from '@confer/contracts';
import type { AppErrorCode } from '../../domain/app-error.ts';
import type { CalendarReadStatus } from '../../domain/scheduling/model.ts';
import type { ProbeFailure } from '../../ports/access-probe.ts';
import { graphErrorCode, toAppErrorFromGraph } from './graph-errors.ts';

/**
 * Confer's codes (graph-errors.ts, msal-error-mapping.ts) as access-test reasons. Every way of having no usable
 * token — consent withdrawn, no stored connection, an expired one — is `consent_missing`: the fix is a consent.
 */
const REASON_BY_CODE: Readonly<Partial<Record<AppErrorCode, AccessFailureReason>>> = {
  mailbox_not_enabled: 'no_mailbox',
  outside_access_policy: 'outside_access_policy',
  not_found: 'user_not_found',
  consent_required: 'consent_missing',
  not_connected: 'consent_missing',
  connection_expired: 'consent_missing',
  interaction_required: 'consent_missing',
  graph_throttled: 'throttled',
};

/** A failed request or token acquisition as the reason an admin sees, keeping the code that explains it. */
export function accessFailureOf(error: unknown): ProbeFailure {
  const appError = toAppErrorFromGraph(error);
  const reason = REASON_BY_CODE[appError.code] ?? 'error';
  return { ok: false, reason, code: graphErrorCode(appError.cause) ?? graphErrorCode(error) ?? appError.code };
}

/**
 * A getSchedule entry's status (graph-schedule-reader.ts `readStatus`, the picker's own reading) as a reason, so a
 * person outside the access policy is `outside_access_policy` here exactly as in the picker. An address the
 * directory cannot resolve (5009) is someone it does not know.
 */
export function scheduleFailureOf(status: CalendarReadStatus, code: string | null): ProbeFailure | null {
  switch (status) {
    case 'ok':
      return null;
    case 'outside_access_policy':
      return { ok: false, reason: 'outside_access_policy', code };
    case 'mailbox_not_enabled':
      return { ok: false, reason: 'no_mailbox', code };
    case 'external':
      return { ok: false, reason: 'user_not_found', code };
    case 'not_connected':
    case 'consent_required':
      return { ok: false, reason: 'consent_missing', code };
    case 'unknown':
      return { ok: false, reason: 'error', code };
  }
}

/** A failure that says the permission itself is missing, before any request is sent. */
export function missingPermission(code: string): ProbeFailure {
  return { ok: false, reason: 'consent_missing', code };
}
