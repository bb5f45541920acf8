import type { OutboundQueue } from '@confer/bot/ports';
import type { GuestOfferStore } from '../../ports/guest-offer-store.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import type { GuestTokenSigner } from './guest-token.ts';

/** What guest links need: the scheduling core (moves run through it as the organizer), the offers and the key. */
export interface GuestDeps {
  scheduling: SchedulingDeps;
  offers: GuestOfferStore;
  signer: GuestTokenSigner;
  /** The organizer's cards (a guest picked or proposed a time) go through the bot's delivery queue. */
  queue: OutboundQueue;
  /** The app's public URL: a link is `{publicUrl}/guest/{token}`. */
  publicUrl: string;
}
