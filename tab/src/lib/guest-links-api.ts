import {
  type GuestLinkResponse,
  type GuestOfferDto,
  type GuestSlot,
  guestLinkResponseSchema,
  guestOfferResponseSchema,
  guestOfferSchema,
  suggestionsResponseSchema,
} from '@confer/contracts';
import { type AuthedApi, callApi, listOf } from './authed-api.ts';

/** Guest links (docs/guest-links.md): times the organizer offers an external attendee through a signed link. */
const linksPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/guest-links`;

export function listGuestOffers(api: AuthedApi, meetingId: string): Promise<GuestOfferDto[]> {
  return callApi(api, 'GET', linksPath(meetingId), listOf('offers', guestOfferSchema));
}

export function createGuestLink(
  api: AuthedApi,
  meetingId: string,
  request: { attendee: string; slots: readonly GuestSlot[]; occurrenceStart?: string },
): Promise<GuestLinkResponse> {
  return callApi(api, 'POST', linksPath(meetingId), guestLinkResponseSchema, request);
}

export async function revokeGuestLink(api: AuthedApi, meetingId: string, offerId: string): Promise<GuestOfferDto> {
  const path = `${linksPath(meetingId)}/${encodeURIComponent(offerId)}`;
  return (await callApi(api, 'DELETE', path, guestOfferResponseSchema)).offer;
}

/** Confer's suggestions for the meeting's people, at the meeting's length: the times preselected for the guest. */
export async function suggestGuestTimes(
  api: AuthedApi,
  attendees: readonly string[],
  durationMinutes: number,
): Promise<GuestSlot[]> {
  const answer = await callApi(api, 'POST', '/api/suggestions', suggestionsResponseSchema, {
    attendees,
    durationMinutes,
    maxSuggestions: 5,
  });
  return answer.suggestions.map((s) => ({ start: s.start, end: s.end }));
}
