import type { GuestOfferStore } from '../../ports/guest-offer-store.ts';
import {
  GUEST_OFFER_COLUMNS,
  type GuestOfferRow,
  guestOfferFromRow,
  guestOfferValues,
} from '../store-rows/guest-offer-rows.ts';
import type { SqliteDatabase } from './database.ts';

type Row = GuestOfferRow<string>;
const toDate = (text: string) => new Date(text);
const toRow = (row: Row) => guestOfferFromRow(row, toDate);
const iso = (date: Date) => date.toISOString();

/** Guest offers in SQLite (migration 17). Each change is one conditional UPDATE, so an offer answers once. */
export function createSqliteGuestOfferStore(db: SqliteDatabase): GuestOfferStore {
  const insert = db.prepare(
    `INSERT INTO guest_offers (${GUEST_OFFER_COLUMNS}) VALUES (${Array(17).fill('?').join(', ')})`,
  );
  const select = db.prepare(`SELECT ${GUEST_OFFER_COLUMNS} FROM guest_offers WHERE tenant_id = ? AND id = ?`);
  const selectForMeeting = db.prepare(
    `SELECT ${GUEST_OFFER_COLUMNS} FROM guest_offers WHERE tenant_id = ? AND meeting_id = ?
     ORDER BY created_at DESC, id DESC`,
  );
  const claim = db.prepare(`UPDATE guest_offers SET claimed_at = ?
    WHERE tenant_id = ? AND id = ? AND state = 'offered' AND (claimed_at IS NULL OR claimed_at < ?)`);
  const release = db.prepare(`UPDATE guest_offers SET claimed_at = NULL
    WHERE tenant_id = ? AND id = ? AND state = 'offered' AND claimed_at = ?`);
  const answer = db.prepare(`UPDATE guest_offers
    SET state = ?, claimed_at = NULL, decided_at = ?, chosen_start = ?, chosen_end = ?, message = ?
    WHERE tenant_id = ? AND id = ? AND state = 'offered' AND claimed_at IS ?`);
  const revoke = db.prepare(`UPDATE guest_offers SET state = 'revoked', decided_at = ?
    WHERE tenant_id = ? AND id = ? AND state = 'offered' AND claimed_at IS NULL`);
  return {
    async save(offer) {
      insert.run(...guestOfferValues(offer, iso));
    },
    async get(tenantId, offerId) {
      const row = select.get(tenantId, offerId) as Row | undefined;
      return row ? toRow(row) : undefined;
    },
    async listForMeeting(tenantId, meetingId) {
      return (selectForMeeting.all(tenantId, meetingId) as Row[]).map(toRow);
    },
    async claim(tenantId, offerId, at, staleBefore) {
      return claim.run(iso(at), tenantId, offerId, iso(staleBefore)).changes === 1;
    },
    async release(tenantId, offerId, claimedAt) {
      return release.run(tenantId, offerId, iso(claimedAt)).changes === 1;
    },
    async answer(tenantId, offerId, a, claimedAt) {
      const claimed = claimedAt ? iso(claimedAt) : null;
      const values = [a.state, iso(a.at), iso(a.start), iso(a.end), a.message, tenantId, offerId, claimed];
      return answer.run(...values).changes === 1;
    },
    async revoke(tenantId, offerId, at) {
      return revoke.run(iso(at), tenantId, offerId).changes === 1;
    },
  };
}
