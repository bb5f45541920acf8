import fc from 'fast-check';

/**
 * fast-check arbitraries for the values API requests are made of, each in two kinds: values the schemas
 * accept (including the awkward ones: odd offsets, astral characters, the longest allowed text) and values
 * they must refuse. For the property tests of the request schemas and of the API's validation.
 */

const MINUTE = 60_000;

/** Offsets in minutes, including half- and quarter-hour ones and the extremes (−12:00, +14:00). */
const OFFSETS = [0, 0, 60, -300, -210, 330, 345, 570, 765, 840, -720];

/** An ISO 8601 instant with an offset, within `days` after `from`, written in any of the forms Zod accepts. */
export function instantText(from: Date, days = 60): fc.Arbitrary<string> {
  return fc
    .record({
      at: fc.integer({ min: 0, max: days * 24 * 60 }).map((m) => from.getTime() + m * MINUTE),
      seconds: fc.constantFrom(0, 0, 0, 17_250),
      offset: fc.constantFrom(...OFFSETS),
      form: fc.constantFrom('Z', '+00:00', 'fraction', 'plain'),
    })
    .map(({ at, seconds, offset, form }) => formatInstant(at + seconds, offset, form));
}

function formatInstant(at: number, offset: number, form: string): string {
  const local = new Date(at + offset * MINUTE).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const suffix = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  if (offset === 0 && form === 'Z') return `${local.slice(0, 19)}Z`;
  if (form === 'fraction') return `${local}${offset === 0 ? 'Z' : suffix}`;
  return `${local.slice(0, 19)}${suffix}`;
}

/** A start and an end 5 minutes to 8 hours later, both within `days` after `from`. */
export function meetingTimes(from: Date, days = 60): fc.Arbitrary<{ start: string; end: string }> {
  return fc
    .record({
      at: fc.integer({ min: 0, max: days * 96 }).map((q) => from.getTime() + q * 15 * MINUTE),
      minutes: fc.constantFrom(5, 15, 30, 45, 60, 90, 480),
      offset: fc.constantFrom(...OFFSETS),
    })
    .map(({ at, minutes, offset }) => ({
      start: formatInstant(at, offset, 'plain'),
      end: formatInstant(at + minutes * MINUTE, offset, 'Z'),
    }));
}

/** Text an instant field must refuse. */
export const badInstant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '2026-12-01T09:00:00', // no offset
    '2026-12-01',
    '09:00',
    'tomorrow',
    '',
    '2026-13-01T09:00:00Z',
    '2026-12-01T24:30:00Z',
    '2026-12-01T09:00:00+25:00',
    '1 December 2026 09:00 GMT',
  ),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);

/** Zones `Intl` knows: DST ones, half- and quarter-hour offsets, fixed `Etc/` zones, old aliases. */
export const zone: fc.Arbitrary<string> = fc.constantFrom(
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Calcutta',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'UTC',
  'US/Pacific',
);

export const badZone: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('Mars/Olympus_Mons', 'Europe/Londres', '', 'GMT+25', `${'Europe/'.repeat(10)}London`),
  fc.integer(),
  fc.constant(null),
);

/** Addresses Zod's `email()` accepts: the colleagues the world knows, and made-up ones. */
export function email(known: readonly string[]): fc.Arbitrary<string> {
  const made = fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,14}[a-z0-9])?$/).filter((s) => !s.includes('..')),
      fc.constantFrom('contoso.onmicrosoft.com', 'fabrikam.example', 'example.org', 'sub.example.co.uk'),
    )
    .map(([local, domain]) => `${local}@${domain}`);
  return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, made) : made;
}

export const badEmail: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('alex wilber', 'alex@', '@contoso.com', 'alex@@contoso.com', 'alex@contoso', '', 'alex@.com'),
  fc.integer({ min: 321, max: 400 }).map((n) => `${'a'.repeat(n - 12)}@example.org`),
  fc.integer(),
  fc.constant(null),
);

/** Distinct (case-insensitively) addresses, between `min` and `max` of them. */
export function attendees(known: readonly string[], min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(email(known), {
    minLength: min,
    maxLength: max,
    selector: (address) => address.toLowerCase(),
  });
}

/** Text of `min` to `max` UTF-16 units (after trimming, when the schema trims), astral characters included. */
export function text(min: number, max: number, trimmed = false): fc.Arbitrary<string> {
  const ascii = fc.string({ minLength: min, maxLength: Math.min(max, 60) });
  const unicode = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 20) });
  const longest = fc.constant('x'.repeat(max));
  return fc
    .oneof({ weight: 4, arbitrary: ascii }, { weight: 2, arbitrary: unicode }, { weight: 1, arbitrary: longest })
    .filter((s) => {
      const length = trimmed ? s.trim().length : s.length;
      return length >= min && s.length <= max;
    });
}

/** Text over `max` units, or not text at all. */
export function badText(max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer({ min: max + 1, max: max + 50 }).map((n) => 'x'.repeat(n)),
    fc.integer(),
    fc.boolean(),
    fc.constant([]),
  );
}

export function int(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** Numbers outside `[min, max]` (below only, when there is no maximum), fractions, and numbers as text. */
export function badInt(min: number, max?: number): fc.Arbitrary<unknown> {
  const top = max ?? min + 1_000;
  return fc.oneof(
    ...(max === undefined ? [] : [fc.integer({ min: max + 1, max: max + 1_000_000 })]),
    fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.integer({ min, max: top - 1 }).map((n) => n + 0.5),
    fc.integer({ min, max: top }).map(String),
    fc.boolean(),
  );
}

export const badBoolean: fc.Arbitrary<unknown> = fc.constantFrom('true', 'false', 1, 0, 'yes');

/** A value of the wrong kind for `enum`-like fields. */
export function badChoice(allowed: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string({ maxLength: 12 }).filter((s) => !allowed.includes(s)),
    fc.constantFrom(...allowed).map((s) => s.toUpperCase()),
    fc.integer(),
  );
}

/** An invalid value that is not `null`, for fields where `null` is allowed. */
export function notNull(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return arbitrary.filter((value) => value !== null);
}
