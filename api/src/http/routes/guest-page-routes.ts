import { createHash } from 'node:crypto';
import { isTimeZone, zonedInstant } from '@confer/contracts/time';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { isAppError, toHttpStatus } from '../../domain/app-error.ts';
import { pickGuestTime, proposeGuestTime } from '../../use-cases/guest/answer-guest-link.ts';
import type { GuestDeps } from '../../use-cases/guest/guest-deps.ts';
import { openGuestLink } from '../../use-cases/guest/open-guest-link.ts';
import { createFixedWindowCounter, type FixedWindowCounter } from '../fixed-window.ts';
import { GUEST_SCRIPT, GUEST_STYLE } from '../guest/guest-assets.ts';
import { guestTranslator } from '../guest/guest-catalogues.ts';
import { type GuestPage, renderGuestPage } from '../pages/guest-page.ts';

/** Guest page requests (views and answers) one client address may make per minute. */
export const GUEST_REQUESTS_PER_ADDRESS_PER_MINUTE = 20;
/** Answers (picks and proposals) one link may be sent per minute, from any number of addresses. */
export const GUEST_ANSWERS_PER_LINK_PER_MINUTE = 5;
/** Addresses and links tracked at once; the least recently seen are forgotten first (fixed-window.ts). */
const MAX_TRACKED = 20_000;

/**
 * The guest page's own policy: nothing but its own stylesheet and script, forms only to itself, never framed,
 * no base or plugin tricks. Stricter than the tab's: the page needs no sign-in authority and no Teams host.
 */
export const GUEST_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface GuestPageOptions {
  perAddressPerMinute?: number;
  answersPerLinkPerMinute?: number;
}

/**
 * `/guest/{token}`: the page a guest outside the tenant opens from the organizer's link, and its two answers,
 * `/pick` and `/propose` (form posts; docs/guest-links.md). The token in the path is the only credential — no
 * account, no cookie — so the page is rate-limited per client address and per link, refuses every bad link with
 * one answer that does not say what was wrong, and keeps the token out of the request log.
 */
export function guestPageRoutes(deps: GuestDeps, options: GuestPageOptions = {}): Router {
  const router = Router();
  const clock = deps.scheduling.clock;
  const perAddress = createFixedWindowCounter({
    limit: options.perAddressPerMinute ?? GUEST_REQUESTS_PER_ADDRESS_PER_MINUTE,
    windowMs: 60_000,
    maxKeys: MAX_TRACKED,
  });
  const perLink = createFixedWindowCounter({
    limit: options.answersPerLinkPerMinute ?? GUEST_ANSWERS_PER_LINK_PER_MINUTE,
    windowMs: 60_000,
    maxKeys: MAX_TRACKED,
  });
  router.get('/assets/guest.css', (_req, res) => {
    res.set({ 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }).send(GUEST_STYLE);
  });
  router.get('/assets/guest-zone.js', (_req, res) => {
    res
      .set({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' })
      .send(GUEST_SCRIPT);
  });
  router.use(pageHeaders);
  router.use((req, res, next) => {
    const verdict = perAddress.hit(req.socket.remoteAddress ?? 'unknown', clock.now().getTime());
    if (verdict.allowed) return next();
    refuse(res, req, { kind: 'refused', code: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds });
  });
  const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 });
  const answers = limitAnswers(perLink, () => clock.now().getTime());

  router.get('/:token', async (req, res) => {
    const token = String(req.params.token);
    const zone = zoneOf(req.query.tz);
    await answerWith(req, res, token, async () => {
      const { offer, current } = await openGuestLink(deps, token);
      return {
        kind: 'offer',
        token,
        offerId: offer.id,
        minutes: Math.round((current.end.getTime() - current.start.getTime()) / 60_000),
        slots: offer.slots.filter((s) => s.start.getTime() > clock.now().getTime()),
        expiresAt: offer.expiresAt,
        zone: zone.zone,
        zoneChosen: zone.chosen,
      };
    });
  });
  router.post('/:token/pick', answers, form, async (req, res) => {
    const token = String(req.params.token);
    const body = fieldsOf(req.body);
    await answerWith(req, res, token, async () => {
      const slot = await pickGuestTime(deps, token, { offerId: body.offerId ?? '', start: body.start ?? '' });
      return { kind: 'picked', slot, zone: zoneOf(body.tz).zone };
    });
  });
  router.post('/:token/propose', answers, form, async (req, res) => {
    const token = String(req.params.token);
    const body = fieldsOf(req.body);
    const zone = zoneOf(body.tz).zone;
    const [date = '', time = ''] = (body.when ?? '').split('T');
    await answerWith(req, res, token, async () => {
      const start = zonedInstant(date, time, zone);
      if (!start) return { kind: 'refused', code: 'validation_failed', token };
      const slot = await proposeGuestTime(deps, token, {
        offerId: body.offerId ?? '',
        start,
        message: body.message ?? '',
      });
      return { kind: 'proposed', slot, zone };
    });
  });
  router.use((req, res) => refuse(res, req, { kind: 'refused', code: 'guest_link_invalid' }));
  // A body the form parser refused (too large, too many fields, a broken encoding): nothing was read.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    req.context?.logger.info('guest page body refused', { status });
    refuse(res, req, { kind: 'refused', code: 'validation_failed' }, status === 413 ? 413 : 400);
  });
  return router;
}

/** Headers of every guest page: its own CSP, no caching, never indexed; the token kept out of the request log. */
function pageHeaders(req: Request, res: Response, next: NextFunction): void {
  res.set({
    'content-security-policy': GUEST_PAGE_POLICY,
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
  });
  const action = /\/(pick|propose)$/.exec(req.path)?.[1];
  res.locals.logPath = `/guest/[link]${action ? `/${action}` : ''}`;
  next();
}

/** At most N answers per link a minute, counted before the link is even checked (keyed by its digest). */
function limitAnswers(counter: FixedWindowCounter, now: () => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = createHash('sha256').update(String(req.params.token)).digest('base64url');
    const verdict = counter.hit(key, now());
    if (verdict.allowed) return next();
    refuse(res, req, { kind: 'refused', code: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds });
  };
}

async function answerWith(req: Request, res: Response, token: string, run: () => Promise<GuestPage>) {
  try {
    const page = await run();
    const status = page.kind === 'refused' ? toHttpStatus('validation_failed') : 200;
    send(res, req, page.kind === 'refused' ? { ...page, token } : page, status);
  } catch (error) {
    if (!isAppError(error)) {
      req.context?.logger.error('guest page failed', { error });
      refuse(res, req, { kind: 'refused', code: 'internal_error', token }, 500);
      return;
    }
    req.context?.logger.info('guest page refused', { code: error.code });
    if (error.retryAfterSeconds) res.setHeader('retry-after', String(error.retryAfterSeconds));
    refuse(res, req, { kind: 'refused', code: error.code, token }, toHttpStatus(error.code));
  }
}

function refuse(res: Response, req: Request, page: Extract<GuestPage, { kind: 'refused' }>, status?: number) {
  if (page.code === 'rate_limited') res.setHeader('retry-after', String(page.retryAfterSeconds ?? 60));
  send(res, req, page, status ?? toHttpStatus(page.code === 'rate_limited' ? 'rate_limited' : 'guest_link_invalid'));
}

function send(res: Response, req: Request, page: GuestPage, status: number) {
  const t = guestTranslator(req.headers['accept-language']);
  res.status(status).set('content-type', 'text/html; charset=utf-8').send(renderGuestPage(page, t));
}

function zoneOf(value: unknown): { zone: string; chosen: boolean } {
  return typeof value === 'string' && value.length <= 64 && isTimeZone(value)
    ? { zone: value, chosen: true }
    : { zone: 'UTC', chosen: false };
}

/** The form's string fields; anything else (repeated fields, a body that is not a form) reads as absent. */
function fieldsOf(body: unknown): Partial<Record<'offerId' | 'start' | 'tz' | 'when' | 'message', string>> {
  if (!body || typeof body !== 'object') return {};
  const fields: Partial<Record<string, string>> = {};
  for (const key of ['offerId', 'start', 'tz', 'when', 'message']) {
    const value = (body as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length <= 1_000) fields[key] = value;
  }
  return fields;
}
