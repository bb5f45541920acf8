import type { GuestOfferStore } from '../../ports/guest-offer-store.ts';
import {
  GUEST_OFFER_COLUMNS,
  type GuestOfferRow,
  guestOfferFromRow,
  guestOfferValues,
} from '../store-rows/guest-offer-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type Row = GuestOfferRow<Date>;
const toRow = (row: Row) => guestOfferFromRow(row, (date: Date) => date);

const INSERT = `INSERT INTO guest_offers (${GUEST_OFFER_COLUMNS})
  VALUES (${Array.from({ length: 17 }, (_, i) => `$${i + 1}`).join(', ')})`;
const SELECT = `SELECT ${GUEST_OFFER_COLUMNS} FROM guest_offers WHERE tenant_id = $1 AND id = $2`;
const SELECT_FOR_MEETING = `SELECT ${GUEST_OFFER_COLUMNS} FROM guest_offers WHERE tenant_id = $1 AND meeting_id = $2
  ORDER BY created_at DESC, id DESC`;
// Each change is one conditional UPDATE: two replicas picking at once both reach the row lock, and the second
// then reads the row as the first committed it and changes nothing.
const CLAIM = `UPDATE guest_offers SET claimed_at = $1
  WHERE tenant_id = $2 AND id = $3 AND state = 'offered' AND (claimed_at IS NULL OR claimed_at < $4)`;
const RELEASE = `UPDATE guest_offers SET claimed_at = NULL
  WHERE tenant_id = $1 AND id = $2 AND state = 'offered' AND claimed_at = $3`;
const ANSWER = `UPDATE guest_offers
  SET state = $1, claimed_at = NULL, decided_at = $2, chosen_start = $3, chosen_end = $4, message = $5
  WHERE tenant_id = $6 AND id = $7 AND state = 'offered' AND claimed_at IS NOT DISTINCT FROM $8::timestamptz`;
const REVOKE = `UPDATE guest_offers SET state = 'revoked', decided_at = $1
  WHERE tenant_id = $2 AND id = $3 AND state = 'offered' AND claimed_at IS NULL`;

/** Guest offers in PostgreSQL. */
export function createPgGuestOfferStore(db: PgDatabase): GuestOfferStore {
  return {
    async save(offer) {
      await db.execute(
        INSERT,
        guestOfferValues(offer, (date) => date),
      );
    },
    async get(tenantId, offerId) {
      const [row] = await db.query<Row>(SELECT, [tenantId, offerId]);
      return row ? toRow(row) : undefined;
    },
    async listForMeeting(tenantId, meetingId) {
      return (await db.query<Row>(SELECT_FOR_MEETING, [tenantId, meetingId])).map(toRow);
    },
    async claim(tenantId, offerId, at, staleBefore) {
      return (await db.execute(CLAIM, [at, tenantId, offerId, staleBefore])) === 1;
    },
    async release(tenantId, offerId, claimedAt) {
      return (await db.execute(RELEASE, [tenantId, offerId, claimedAt])) === 1;
    },
    async answer(tenantId, offerId, a, claimedAt) {
      const values = [a.state, a.at, a.start, a.end, a.message, tenantId, offerId, claimedAt];
      return (await db.execute(ANSWER, values)) === 1;
    },
    async revoke(tenantId, offerId, at) {
      return (await db.execute(REVOKE, [at, tenantId, offerId])) === 1;
    },
  };
}
