import type { Translator } from '@confer/contracts/i18n';
import { escapeHtml } from '../../domain/scheduling/meeting-body.ts';

export type GuestPage =
  | {
      kind: 'offer';
      token: string;
      offerId: string;
      minutes: number;
      slots: { start: Date; end: Date }[];
      expiresAt: Date;
      zone: string;
      /** The guest chose the zone (it is in the address): the page script leaves it alone. */
      zoneChosen: boolean;
    }
  | { kind: 'picked'; slot: { start: Date; end: Date }; zone: string }
  | { kind: 'proposed'; slot: { start: Date; end: Date }; zone: string }
  | { kind: 'refused'; code: string; retryAfterSeconds?: number; token?: string };

/** Every IANA zone the runtime knows, plus UTC, for the zone selector. */
const ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** Codes the page has its own words for; any other refusal reads as "try again" with its code. */
const KNOWN_REFUSALS = new Set([
  'guest_link_invalid',
  'guest_link_used',
  'guest_link_expired',
  'guest_link_revoked',
  'guest_time_not_offered',
  'conflicts_found',
  'validation_failed',
  'rate_limited',
]);

/**
 * The guest page: server-rendered, in the guest's language and direction, with no inline script or style (its
 * two files are under /guest/assets/), no cookies and nothing of the organizer's calendar but the offered times.
 */
export function renderGuestPage(page: GuestPage, t: Translator): string {
  const { title, body } = contentOf(page, t);
  const { language, direction } = t.locale;
  return `<!doctype html><html lang="${escapeHtml(language)}" dir="${direction}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} · Confer</title>
<link rel="stylesheet" href="/guest/assets/guest.css"></head>
<body><main><p class="brand">${escapeHtml(t.t('guest.brand'))}</p><h1>${escapeHtml(title)}</h1>${body}
<p class="note">${escapeHtml(t.t('guest.privacy'))}</p></main>
${page.kind === 'offer' ? '<script src="/guest/assets/guest-zone.js"></script>' : ''}</body></html>`;
}

function contentOf(page: GuestPage, t: Translator): { title: string; body: string } {
  if (page.kind === 'offer') return { title: t.t('guest.pageTitle'), body: offerBody(page, t) };
  if (page.kind === 'picked' || page.kind === 'proposed') {
    const when = formatSlot(t, page.slot, page.zone);
    return {
      title: t.t(`guest.${page.kind}Title`),
      body: `<p>${escapeHtml(t.t(`guest.${page.kind}Body`, { when }))}</p>`,
    };
  }
  const key = KNOWN_REFUSALS.has(page.code) ? page.code : 'retry';
  const seconds = page.retryAfterSeconds ?? 60;
  const back =
    page.token && ['guest_time_not_offered', 'conflicts_found', 'validation_failed', 'retry'].includes(key)
      ? `<p><a href="/guest/${escapeHtml(page.token)}">${escapeHtml(t.t('guest.back'))}</a></p>`
      : '';
  return {
    title: t.t(`guest.error.${key}.title`),
    body: `<p class="error" role="alert">${escapeHtml(t.t(`guest.error.${key}.body`, { seconds }))}</p>
<p class="note">${escapeHtml(t.t('guest.code', { code: page.code }))}</p>${back}`,
  };
}

function offerBody(page: Extract<GuestPage, { kind: 'offer' }>, t: Translator): string {
  const action = `/guest/${escapeHtml(page.token)}`;
  const zoneOptions = ZONES.map(
    (zone) =>
      `<option value="${escapeHtml(zone)}"${zone === page.zone ? ' selected' : ''}>${escapeHtml(zone)}</option>`,
  ).join('');
  const slots = page.slots
    .map(
      (slot, index) =>
        `<label class="slot"><input type="radio" name="start" value="${slot.start.toISOString()}" required${
          index === 0 ? ' checked' : ''
        }>${escapeHtml(formatSlot(t, slot, page.zone))}</label>`,
    )
    .join('\n');
  const hidden = `<input type="hidden" name="offerId" value="${escapeHtml(page.offerId)}">
<input type="hidden" name="tz" value="${escapeHtml(page.zone)}">`;
  return `<p>${escapeHtml(t.t('guest.intro'))}</p>
<p>${escapeHtml(t.t('guest.length', { minutes: page.minutes }))}</p>
<form id="zone-form" class="zone" method="get" action="${action}" data-chosen="${page.zoneChosen ? 'yes' : 'no'}">
<div><label for="tz">${escapeHtml(t.t('guest.zoneLabel'))}</label><select id="tz" name="tz">${zoneOptions}</select></div>
<button type="submit" class="secondary">${escapeHtml(t.t('guest.zoneApply'))}</button></form>
<form method="post" action="${action}/pick">${hidden}
<fieldset><legend>${escapeHtml(t.t('guest.offeredLegend'))}</legend>
${slots}</fieldset>
<button type="submit">${escapeHtml(t.t('guest.pickSubmit'))}</button></form>
<p class="note">${escapeHtml(t.t('guest.expires', { when: formatInstant(t, page.expiresAt, page.zone) }))}</p>
<h2>${escapeHtml(t.t('guest.proposeHeading'))}</h2>
<p>${escapeHtml(t.t('guest.proposeIntro'))}</p>
<form method="post" action="${action}/propose">${hidden}
<label for="when">${escapeHtml(t.t('guest.proposeTime', { zone: page.zone }))}</label>
<input id="when" name="when" type="datetime-local" required>
<label for="message">${escapeHtml(t.t('guest.proposeMessage'))}</label>
<textarea id="message" name="message" rows="3" maxlength="500"></textarea>
<p><button type="submit">${escapeHtml(t.t('guest.proposeSubmit'))}</button></p></form>`;
}

/** "Thursday, 10 December 2026, 14:00 – 14:30 (CET)" in the guest's language and chosen zone. */
export function formatSlot(t: Translator, slot: { start: Date; end: Date }, zone: string): string {
  const day = new Intl.DateTimeFormat(t.locale.formatLocale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  const end = new Intl.DateTimeFormat(t.locale.formatLocale, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return `${day.format(slot.start)} – ${end.format(slot.end)}`;
}

function formatInstant(t: Translator, instant: Date, zone: string): string {
  return new Intl.DateTimeFormat(t.locale.formatLocale, {
    timeZone: zone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(instant);
}
