import { createGuestLinkRequestSchema } from '@confer/contracts';
import { type Request, Router } from 'express';
import type { GuestDeps } from '../../use-cases/guest/guest-deps.ts';
import { listGuestOffers, offerGuestTimes, revokeGuestOffer } from '../../use-cases/guest/offer-guest-times.ts';
import { callerFrom } from '../../use-cases/scheduling/caller.ts';
import { identityOf } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

/**
 * The organizer's side of guest links (docs/guest-links.md), under /api/meetings: offer times to an external
 * attendee and get the link, see each link's state, withdraw one. Behind the API's bearer token like every
 * meeting route; a meeting that is not the caller's answers 404, one they attend 403.
 */
export function guestLinkRoutes(deps: GuestDeps): Router {
  const router = Router();
  const caller = (req: Request) => callerFrom(identityOf(req));
  router.post('/:id/guest-links', async (req, res) => {
    const request = parseInput(createGuestLinkRequestSchema, req.body);
    res.status(201).json(await offerGuestTimes(deps, caller(req), String(req.params.id), request));
  });
  router.get('/:id/guest-links', async (req, res) => {
    res.json({ offers: await listGuestOffers(deps, caller(req), String(req.params.id)) });
  });
  router.delete('/:id/guest-links/:offerId', async (req, res) => {
    const offer = await revokeGuestOffer(deps, caller(req), String(req.params.id), String(req.params.offerId));
    res.json({ offer });
  });
  return router;
}
