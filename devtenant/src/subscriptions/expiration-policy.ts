import { GraphHttpError } from '../graph/context.ts';
import type { SubscriptionLimits } from './subscription-limits.ts';

const MINUTE = 60_000;

/**
 * Applies Graph's expiration rules (docs/reference/graph-calendar.md §4): not in the past, at most
 * `maxExpirationMinutes` after the request, and raised to `minExpirationMinutes` when closer than that.
 */
export function resolveExpiration(requested: string, now: Date, limits: SubscriptionLimits): Date {
  const at = parseDateTimeOffset(requested);
  const ahead = at.getTime() - now.getTime();
  if (ahead <= 0) {
    throw new GraphHttpError(
      400,
      'InvalidRequest',
      `Subscription expiration '${requested}' is in the past; it must be a future date and time.`,
    );
  }
  if (ahead > limits.maxExpirationMinutes * MINUTE) {
    throw new GraphHttpError(
      400,
      'ExtensionError',
      `Subscription expiration can only be ${limits.maxExpirationMinutes} minutes in the future.`,
    );
  }
  const floor = now.getTime() + limits.minExpirationMinutes * MINUTE;
  return new Date(Math.max(at.getTime(), floor));
}

/** Graph's Edm.DateTimeOffset: an offset or `Z`; a bare local time is read as UTC, like the service does. */
function parseDateTimeOffset(value: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/i;
  if (!iso.test(value)) throw invalidDate(value);
  const withZone = /(Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : `${value}Z`;
  // Date cannot parse more than 3 fractional digits everywhere, and Graph sends 7.
  const trimmed = withZone.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) throw invalidDate(value);
  return date;
}

function invalidDate(value: string): GraphHttpError {
  return new GraphHttpError(400, 'InvalidRequest', `expirationDateTime '${value}' is not a valid DateTimeOffset.`);
}
