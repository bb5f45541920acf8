import { z } from 'zod';

/**
 * Guests outside the tenant pick a time through a signed link (docs/guest-links.md). The organizer offers up
 * to five times to one external attendee; the link lets that guest pick one, once, or propose another.
 */
export const GUEST_LIMITS = {
  /** Times one offer may carry: a short list a guest can read at a glance. */
  maxSlots: 5,
  /** A link lives at most this long, and never past the first offered time's start. */
  maxLifetimeDays: 7,
  /** The guest's optional note with a proposed time. */
  maxMessage: 500,
} as const;

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant, e.g. 2026-11-23T09:00:00Z');

export const guestSlotSchema = z.object({ start: instant, end: instant }).strict();
export type GuestSlot = z.infer<typeof guestSlotSchema>;

/** POST /api/meetings/{id}/guest-links (organizer). Without `slots`, Confer's own suggestions are offered. */
export const createGuestLinkRequestSchema = z
  .object({
    attendee: z.email().max(320),
    slots: z
      .array(guestSlotSchema)
      .min(1)
      .max(GUEST_LIMITS.maxSlots, `at most ${GUEST_LIMITS.maxSlots} times`)
      .refine((list) => new Set(list.map((s) => Date.parse(s.start))).size === list.length, 'each time once')
      .optional(),
    /** For a series: the occurrence (its original start) the guest chooses a time for. */
    occurrenceStart: instant.optional(),
  })
  .strict();
export type CreateGuestLinkRequest = z.infer<typeof createGuestLinkRequestSchema>;

/** An offer as the organizer sees it; `expired` and `revoked` are worked out when it is read. */
export const guestOfferStateSchema = z.enum(['offered', 'picked', 'proposed', 'expired', 'revoked']);
export type GuestOfferState = z.infer<typeof guestOfferStateSchema>;

export const guestOfferSchema = z.object({
  id: z.string(),
  attendee: z.object({ email: z.string(), displayName: z.string() }),
  occurrenceStart: z.string().nullable(),
  slots: z.array(guestSlotSchema),
  state: guestOfferStateSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The time the guest picked or proposed, once they did. */
  chosen: guestSlotSchema.nullable(),
  /** The guest's note with a proposed time. */
  message: z.string().nullable(),
});
export type GuestOfferDto = z.infer<typeof guestOfferSchema>;

/** The answer to creating a link: the offer, and the link itself (only ever shown to the organizer, once). */
export const guestLinkResponseSchema = z.object({ offer: guestOfferSchema, url: z.string() });
export type GuestLinkResponse = z.infer<typeof guestLinkResponseSchema>;

/** The answer to withdrawing a link. */
export const guestOfferResponseSchema = z.object({ offer: guestOfferSchema });

export const guestOffersResponseSchema = z.object({ offers: z.array(guestOfferSchema) });
export type GuestOffersResponse = z.infer<typeof guestOffersResponseSchema>;
