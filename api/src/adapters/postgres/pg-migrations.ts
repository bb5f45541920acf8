import type { PgDatabase } from './pg-database.ts';

/**
 * Plain, ordered, forward-only migrations of the PostgreSQL store. Never edit a released one: add the next.
 * The tables mirror the SQLite store's (migrations.ts there) with PostgreSQL's own types: instants are
 * `timestamptz`, documents `jsonb`, flags `boolean`, the outbound queue's times epoch milliseconds (`bigint`).
 */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: 'the whole store as of the first PostgreSQL release',
    sql: `
      CREATE TABLE bot_conversations (
        tenant_id       text NOT NULL,
        aad_object_id   text NOT NULL,
        user_id         text NOT NULL,
        user_name       text,
        conversation_id text NOT NULL,
        service_url     text NOT NULL,
        channel_id      text NOT NULL,
        reference_json  jsonb NOT NULL,
        updated_at      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id)
      );

      CREATE TABLE tenants (
        tenant_id               text NOT NULL PRIMARY KEY,
        connection_mode         text NOT NULL CHECK (connection_mode IN ('user', 'tenant')),
        security_group_id       text,
        updated_at              timestamptz NOT NULL,
        integration_enabled     boolean NOT NULL DEFAULT true,
        allow_disconnect        boolean NOT NULL DEFAULT true,
        integration_owners_json jsonb NOT NULL DEFAULT '[]'
      );

      CREATE TABLE users (
        tenant_id             text NOT NULL,
        user_id               text NOT NULL,
        email                 text NOT NULL,
        display_name          text NOT NULL,
        time_zone             text NOT NULL,
        connection_status     text NOT NULL CHECK (connection_status IN
                                ('connected', 'consent_required', 'expired', 'outside_scope', 'not_connected')),
        connection_checked_at timestamptz,
        connection_expires_at timestamptz,
        preferences_json      jsonb NOT NULL,
        updated_at            timestamptz NOT NULL,
        connected_once_at     timestamptz,
        -- The admin's status, computed by the database so filters and counts use an index.
        health_status         text GENERATED ALWAYS AS (
          CASE connection_status
            WHEN 'not_connected' THEN CASE WHEN connected_once_at IS NULL THEN 'never_connected' ELSE 'disconnected' END
            ELSE connection_status
          END) STORED,
        PRIMARY KEY (tenant_id, user_id)
      );
      CREATE INDEX users_by_email ON users (tenant_id, lower(email));
      -- Keyset pages in display name order (byte order, as SQLite's), over everyone or one status.
      CREATE INDEX users_by_name ON users (tenant_id, display_name COLLATE "C", user_id COLLATE "C");
      CREATE INDEX users_by_health ON users (tenant_id, health_status, display_name COLLATE "C", user_id COLLATE "C");

      CREATE TABLE meeting_types (
        tenant_id              text NOT NULL,
        id                     text NOT NULL,
        name                   text NOT NULL,
        duration_minutes       integer NOT NULL CHECK (duration_minutes > 0),
        agenda_prompts_json    jsonb NOT NULL,
        default_reminders_json jsonb NOT NULL,
        sort_order             integer NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      -- One row per tenant once its defaults were seeded, so an admin's later edits are never re-seeded over.
      CREATE TABLE meeting_type_seeds (
        tenant_id text NOT NULL PRIMARY KEY
      );

      CREATE TABLE meetings (
        tenant_id       text NOT NULL,
        id              text NOT NULL,
        organizer_id    text NOT NULL,
        organizer_email text NOT NULL,
        organizer_name  text NOT NULL,
        type_id         text,
        title           text NOT NULL,
        agenda          text NOT NULL,
        start_utc       timestamptz NOT NULL,
        end_utc         timestamptz NOT NULL,
        time_zone       text NOT NULL,
        recurrence_json jsonb,
        online          boolean NOT NULL,
        location        text,
        status          text NOT NULL CHECK (status IN ('creating', 'scheduled', 'cancelled', 'failed')),
        transaction_id  text NOT NULL,
        graph_event_id  text,
        ical_uid        text,
        change_key      text,
        join_url        text,
        version         integer NOT NULL,
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        -- First start and last end over every occurrence (moved ones included): the window filters use them.
        span_start_utc  timestamptz NOT NULL,
        span_end_utc    timestamptz NOT NULL,
        -- Outlook's subject when it differs from Confer's title.
        outlook_subject text,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, transaction_id),
        CHECK (end_utc > start_utc)
      );
      CREATE INDEX meetings_by_graph_event ON meetings (tenant_id, graph_event_id);
      CREATE INDEX meetings_by_organizer ON meetings (tenant_id, organizer_id, span_start_utc);
      CREATE INDEX meetings_creating ON meetings (created_at) WHERE status = 'creating';
      CREATE INDEX meetings_failed ON meetings (created_at) WHERE status = 'failed';
      CREATE TABLE meeting_attendees (
        tenant_id        text NOT NULL,
        meeting_id       text NOT NULL,
        position         integer NOT NULL,
        -- Kept as written; compared case-insensitively through lower(email).
        email            text NOT NULL,
        user_id          text,
        display_name     text NOT NULL,
        type             text NOT NULL CHECK (type IN ('required', 'optional')),
        response         text NOT NULL CHECK (response IN
                           ('none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded')),
        responded_at     timestamptz,
        proposed_start   timestamptz,
        proposed_end     timestamptz,
        added_in_outlook boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, meeting_id, position),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      );
      -- lower() under the C collation folds ASCII letters only, as SQLite's NOCASE does: the same pairs collide.
      CREATE UNIQUE INDEX meeting_attendees_once ON meeting_attendees (tenant_id, meeting_id, lower(email COLLATE "C"));
      CREATE INDEX meeting_attendees_by_user ON meeting_attendees (tenant_id, user_id);
      CREATE TABLE meeting_occurrences (
        tenant_id      text NOT NULL,
        meeting_id     text NOT NULL,
        original_start timestamptz NOT NULL,
        start_utc      timestamptz NOT NULL,
        end_utc        timestamptz NOT NULL,
        cancelled      boolean NOT NULL,
        graph_event_id text,
        PRIMARY KEY (tenant_id, meeting_id, original_start),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK (end_utc > start_utc)
      );
      CREATE INDEX meeting_occurrences_by_graph_event ON meeting_occurrences (tenant_id, graph_event_id);
      CREATE TABLE meeting_history (
        seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id    text NOT NULL,
        meeting_id   text NOT NULL,
        at           timestamptz NOT NULL,
        actor_id     text,
        kind         text NOT NULL CHECK (kind IN ('created', 'rescheduled', 'updated', 'cancelled', 'responded',
                       'occurrence_changed', 'occurrence_cancelled')),
        summary      text NOT NULL,
        -- json, not jsonb: details read back as written, keys in their order, as SQLite keeps them.
        details_json json NOT NULL,
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      );
      CREATE INDEX meeting_history_by_meeting ON meeting_history (tenant_id, meeting_id, at, seq);

      CREATE TABLE meeting_notes (
        tenant_id        text NOT NULL,
        id               text NOT NULL,
        meeting_id       text NOT NULL,
        occurrence_start timestamptz,
        author_id        text NOT NULL,
        visibility       text NOT NULL CHECK (visibility IN ('private', 'shared')),
        body             text NOT NULL,
        updated_at       timestamptz NOT NULL,
        version          integer NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      );
      CREATE INDEX meeting_notes_by_meeting ON meeting_notes (tenant_id, meeting_id);
      CREATE TABLE meeting_actions (
        tenant_id        text NOT NULL,
        id               text NOT NULL,
        meeting_id       text NOT NULL,
        occurrence_start timestamptz,
        title            text NOT NULL,
        owner_email      text NOT NULL,
        owner_name       text NOT NULL,
        due_date         date,
        done             boolean NOT NULL,
        done_at          timestamptz,
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL,
        version          integer NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      );
      CREATE INDEX meeting_actions_by_meeting ON meeting_actions (tenant_id, meeting_id, created_at);

      -- Encrypted by the token cache plugin before it gets here: the store never holds a plaintext token.
      CREATE TABLE token_cache (
        tenant_id text NOT NULL,
        user_id   text NOT NULL,
        encrypted bytea NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      );
      CREATE TABLE audit_log (
        seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id    text NOT NULL,
        at           timestamptz NOT NULL,
        actor_id     text,
        action       text NOT NULL,
        target       text,
        -- json, not jsonb: the export shows details as written, keys in their order, as SQLite keeps them.
        details_json json NOT NULL
      );
      CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, at, seq);
      CREATE INDEX audit_log_by_action ON audit_log (tenant_id, action, at, seq);
      CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, at, seq);

      -- The bot's proactive messages, one row per logical message (key), kept after sending so enqueuing the
      -- same key again changes nothing. Times are epoch milliseconds: the worker scans them by range.
      CREATE TABLE outbound_messages (
        -- Byte order, as SQLite's: cancelling by key prefix is then a range of the primary key.
        key             text COLLATE "C" NOT NULL PRIMARY KEY,
        tenant_id       text NOT NULL,
        user_id         text NOT NULL,
        kind            text NOT NULL,
        payload_json    jsonb NOT NULL,
        not_before_ms   bigint NOT NULL,
        state           text NOT NULL CHECK (state IN ('pending', 'claimed', 'sending', 'sent', 'skipped', 'failed')),
        attempts        integer NOT NULL DEFAULT 0,
        claim_token     text,
        lease_until_ms  bigint,
        delivery_id     text,
        conversation_id text,
        activity_id     text,
        last_error      text,
        reason          text,
        sent_at_ms      bigint,
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        CHECK ((state IN ('claimed', 'sending')) = (claim_token IS NOT NULL AND lease_until_ms IS NOT NULL))
      );
      CREATE INDEX outbound_due ON outbound_messages (not_before_ms) WHERE state = 'pending';
      CREATE INDEX outbound_leased ON outbound_messages (lease_until_ms) WHERE state IN ('claimed', 'sending');
      CREATE INDEX outbound_sent ON outbound_messages (sent_at_ms) WHERE state = 'sent';
      CREATE INDEX outbound_by_tenant ON outbound_messages (tenant_id, user_id, state);

      -- The Graph change-notification subscriptions Confer owns. client_state_digest is the SHA-256 of the
      -- secret, never the secret itself.
      CREATE TABLE graph_subscriptions (
        id                  text NOT NULL PRIMARY KEY,
        tenant_id           text NOT NULL,
        user_id             text NOT NULL,
        resource            text NOT NULL,
        mode                text NOT NULL CHECK (mode IN ('tenant', 'user')),
        client_state_digest text NOT NULL,
        expires_at          timestamptz NOT NULL,
        created_at          timestamptz NOT NULL,
        renewed_at          timestamptz,
        state               text NOT NULL CHECK (state IN ('active', 'removed', 'failed')),
        reason              text,
        CHECK ((state = 'active') = (reason IS NULL))
      );
      CREATE INDEX graph_subscriptions_by_user ON graph_subscriptions (tenant_id, user_id, created_at);
      CREATE INDEX graph_subscriptions_expiring ON graph_subscriptions (expires_at) WHERE state = 'active';
      -- Every accepted notification, written before Graph is acknowledged (see the SQLite store for the keys).
      CREATE TABLE graph_inbox (
        seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dedupe_key      text NOT NULL,
        subscription_id text NOT NULL,
        tenant_id       text NOT NULL,
        change_type     text CHECK (change_type IN ('created', 'updated', 'deleted')),
        resource        text,
        resource_id     text,
        lifecycle_event text CHECK (lifecycle_event IN ('reauthorizationRequired', 'subscriptionRemoved', 'missed')),
        received_at     timestamptz NOT NULL,
        state           text NOT NULL CHECK (state IN ('pending', 'processed')),
        change_key      text,
        CHECK ((change_type IS NULL) <> (lifecycle_event IS NULL))
      );
      CREATE UNIQUE INDEX graph_inbox_once ON graph_inbox (dedupe_key)
        WHERE lifecycle_event IS NULL OR state = 'pending';
      CREATE INDEX graph_inbox_pending ON graph_inbox (seq) WHERE state = 'pending';
      CREATE INDEX graph_inbox_by_tenant ON graph_inbox (tenant_id, subscription_id, state);
      -- Where the delta backstop of each watched calendar stands.
      CREATE TABLE graph_delta_state (
        tenant_id    text NOT NULL,
        user_id      text NOT NULL,
        delta_link   text,
        window_start timestamptz NOT NULL,
        window_end   timestamptz NOT NULL,
        synced_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      );

      -- A consent link's state is kept only as its SHA-256 digest: a copy of the table opens no link.
      CREATE TABLE admin_consent_requests (
        tenant_id    text NOT NULL,
        state_digest text NOT NULL,
        requested_by text NOT NULL,
        created_at   timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        PRIMARY KEY (tenant_id, state_digest)
      );
      CREATE TABLE admin_consent_outcomes (
        seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id         text NOT NULL,
        outcome           text NOT NULL CHECK (outcome IN ('granted', 'refused')),
        at                timestamptz NOT NULL,
        requested_by      text,
        scope             text,
        error             text,
        error_description text,
        CHECK ((outcome = 'refused') = (error IS NOT NULL))
      );
      CREATE INDEX admin_consent_outcomes_latest ON admin_consent_outcomes (tenant_id, at, seq);

      -- Written in coalesced batches (at most once per person per interval), never once per Graph call.
      CREATE TABLE connection_activity (
        tenant_id              text NOT NULL,
        user_id                text NOT NULL,
        last_graph_success_at  timestamptz,
        sync_error_kind        text CHECK (sync_error_kind IN ('subscription', 'apply')),
        sync_error_code        text,
        sync_error_message     text,
        sync_error_at          timestamptz,
        PRIMARY KEY (tenant_id, user_id),
        CHECK ((sync_error_kind IS NULL) = (sync_error_code IS NULL)
           AND (sync_error_kind IS NULL) = (sync_error_message IS NULL)
           AND (sync_error_kind IS NULL) = (sync_error_at IS NULL))
      );

      -- The newest 20 results per tenant are kept (the store drops older ones when it saves one).
      CREATE TABLE access_tests (
        id            text NOT NULL PRIMARY KEY,
        -- Saving order, for results with one instant (SQLite's rowid does this there).
        seq           bigint GENERATED ALWAYS AS IDENTITY,
        tenant_id     text NOT NULL,
        at            timestamptz NOT NULL,
        by_user       text NOT NULL,
        trigger       text NOT NULL CHECK (trigger IN ('manual', 'after_consent')),
        mode          text NOT NULL CHECK (mode IN ('user', 'tenant')),
        tested        integer NOT NULL CHECK (tested >= 0),
        succeeded     integer NOT NULL CHECK (succeeded >= 0 AND succeeded <= tested),
        failures_json jsonb NOT NULL,
        people_json   jsonb NOT NULL
      );
      CREATE INDEX access_tests_by_tenant ON access_tests (tenant_id, at, seq);
      -- At most one test runs per tenant: the row is its claim, deleted when it ends.
      CREATE TABLE access_test_runs (
        tenant_id  text NOT NULL PRIMARY KEY,
        started_at timestamptz NOT NULL
      );

      -- At most one open incident per tenant and kind; resolved ones stay as the tenant's history.
      CREATE TABLE incidents (
        id           text NOT NULL PRIMARY KEY,
        tenant_id    text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('consent_revoked', 'secret_expiring', 'subscription_failures',
                                                   'delivery_failures', 'access_test_failures')),
        state        text NOT NULL CHECK (state IN ('open', 'resolved')),
        summary      text NOT NULL,
        advice       text NOT NULL,
        affected     integer NOT NULL CHECK (affected >= 0),
        opened_at    timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        reminded_at  timestamptz,
        resolved_at  timestamptz,
        CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX incidents_one_open ON incidents (tenant_id, kind) WHERE state = 'open';
      CREATE INDEX incidents_by_tenant ON incidents (tenant_id, opened_at);
      -- Each message to an owner is recorded before it is sent (the intent): see the SQLite store.
      CREATE TABLE incident_notices (
        incident_id    text NOT NULL REFERENCES incidents (id),
        tenant_id      text NOT NULL,
        owner_id       text NOT NULL,
        notice         text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('opened', 'reminder', 'resolved')),
        card_state     text NOT NULL CHECK (card_state IN ('planned', 'queued', 'unreachable')),
        email_state    text NOT NULL CHECK (email_state IN ('pending', 'sent', 'not_configured')),
        email_attempts integer NOT NULL DEFAULT 0,
        email_error    text,
        email_sent_at  timestamptz,
        created_at     timestamptz NOT NULL,
        PRIMARY KEY (incident_id, owner_id, notice)
      );
      CREATE INDEX incident_notices_undone ON incident_notices (tenant_id, created_at)
        WHERE card_state = 'planned' OR email_state = 'pending';

      -- Work one replica does at a time (the reconciler, Outlook sync's timers, a tenant's deliveries): the row
      -- names who holds it until when. A holder that stops renewing loses it when until_ms passes.
      CREATE TABLE leases (
        name     text NOT NULL PRIMARY KEY,
        holder   text NOT NULL,
        until_ms bigint NOT NULL,
        -- Grows each time the lease changes hands: work can tell it was taken over meanwhile.
        epoch    bigint NOT NULL
      );

      -- Fixed-window counters every replica shares (the per-user API limit).
      CREATE TABLE rate_windows (
        key          text NOT NULL PRIMARY KEY,
        window_start bigint NOT NULL,
        hits         integer NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'what happens after a meeting: attendance per occurrence, pairs and their rhythm',
    sql: `
      -- How often pairs meeting with a type are expected to meet, in days; NULL: no rhythm. The seeded defaults
      -- get theirs (the performance conversation has none).
      ALTER TABLE meeting_types ADD COLUMN cadence_days integer CHECK (cadence_days IS NULL OR cadence_days > 0);
      UPDATE meeting_types SET cadence_days = 14 WHERE id = 'mentoring-session';
      UPDATE meeting_types SET cadence_days = 7 WHERE id = 'one-to-one-check-in';
      UPDATE meeting_types SET cadence_days = 28 WHERE id = 'wellbeing-conversation';

      -- The attendance planner reads meetings by when they end: single meetings by their end, series by their span.
      CREATE INDEX meetings_single_by_end ON meetings (end_utc)
        WHERE status = 'scheduled' AND recurrence_json IS NULL;
      CREATE INDEX meetings_series_by_span_end ON meetings (span_end_utc)
        WHERE status = 'scheduled' AND recurrence_json IS NOT NULL;

      -- One row per occurrence of a meeting once it ended: pending until its outcome is read or told.
      CREATE TABLE meeting_attendance (
        tenant_id         text NOT NULL,
        meeting_id        text NOT NULL,
        occurrence_start  timestamptz NOT NULL,
        occurrence_end    timestamptz NOT NULL,
        online            boolean NOT NULL,
        state             text NOT NULL CHECK (state IN ('pending', 'held', 'partly_attended', 'no_show', 'unknown')),
        source            text CHECK (source IN ('teams', 'organizer', 'timeout')),
        participants_json jsonb NOT NULL,
        attempts          integer NOT NULL CHECK (attempts >= 0),
        next_check_at     timestamptz,
        unknown_reason    text CHECK (unknown_reason IN
                            ('no_report', 'not_permitted', 'not_connected', 'no_online_meeting', 'not_told')),
        decided_at        timestamptz,
        decided_by        text,
        version           integer NOT NULL,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, occurrence_start),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK (occurrence_end > occurrence_start),
        CHECK ((state = 'pending') = (source IS NULL)),
        CHECK ((state = 'pending') = (decided_at IS NULL)),
        CHECK ((state = 'unknown') = (unknown_reason IS NOT NULL))
      );
      -- Reports to read and follow-throughs to finish (listDue), and in-person meetings nobody marked (listUntold).
      CREATE INDEX meeting_attendance_due ON meeting_attendance (next_check_at) WHERE next_check_at IS NOT NULL;
      CREATE INDEX meeting_attendance_untold ON meeting_attendance (occurrence_end)
        WHERE state = 'pending' AND next_check_at IS NULL;

      -- One row per pair of people who held a meeting, person_a < person_b in byte order (as the scan pages them
      -- and as SQLite compares text): the ids are compared under the C collation.
      CREATE TABLE meeting_pairs (
        tenant_id            text NOT NULL,
        person_a             text COLLATE "C" NOT NULL,
        person_b             text COLLATE "C" NOT NULL,
        organized_by_a       integer NOT NULL CHECK (organized_by_a >= 0),
        organized_by_b       integer NOT NULL CHECK (organized_by_b >= 0),
        last_held_meeting_id text NOT NULL,
        last_held_start      timestamptz NOT NULL,
        last_held_end        timestamptz NOT NULL,
        last_type_id         text,
        rhythm_days          integer CHECK (rhythm_days IS NULL OR rhythm_days > 0),
        last_nudge_at        timestamptz,
        updated_at           timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, person_a, person_b),
        CHECK (person_a < person_b)
      );
      CREATE INDEX meeting_pairs_by_b ON meeting_pairs (tenant_id, person_b);
      -- Each held occurrence a pair has counted, so recording it again (or two replicas at once) counts it once.
      CREATE TABLE meeting_pairs_held (
        tenant_id        text NOT NULL,
        meeting_id       text NOT NULL,
        occurrence_start timestamptz NOT NULL,
        person_a         text COLLATE "C" NOT NULL,
        person_b         text COLLATE "C" NOT NULL,
        recorded_at      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, occurrence_start, person_a, person_b)
      );
    `,
  },
  {
    version: 3,
    name: 'guests outside the tenant: times offered through a signed link',
    sql: `
      -- One row per link an organizer made for an external attendee; answered (picked or proposed) at most once.
      CREATE TABLE guest_offers (
        tenant_id        text NOT NULL,
        id               text NOT NULL,
        meeting_id       text NOT NULL,
        occurrence_start timestamptz,
        attendee_email   text NOT NULL,
        attendee_name    text NOT NULL,
        slots_json       text NOT NULL,
        meeting_start    timestamptz NOT NULL,
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL,
        expires_at       timestamptz NOT NULL,
        state            text NOT NULL CHECK (state IN ('offered', 'picked', 'proposed', 'revoked')),
        claimed_at       timestamptz,
        decided_at       timestamptz,
        chosen_start     timestamptz,
        chosen_end       timestamptz,
        message          text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK ((state = 'offered') = (decided_at IS NULL)),
        CHECK (state = 'offered' OR claimed_at IS NULL),
        CHECK ((state IN ('picked', 'proposed')) = (chosen_start IS NOT NULL AND chosen_end IS NOT NULL))
      );
      CREATE INDEX guest_offers_by_meeting ON guest_offers (tenant_id, meeting_id, created_at);
    `,
  },
  {
    version: 4,
    name: 'sign-in from chat: what someone asked the bot while it could not act for them yet',
    sql: `
      -- At most one action per person, run once after they sign in from the chat, or dropped at expiry.
      CREATE TABLE bot_pending_sign_ins (
        tenant_id     text NOT NULL,
        aad_object_id text NOT NULL,
        activity_json jsonb NOT NULL,
        created_at    timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id),
        CHECK (expires_at > created_at)
      );
    `,
  },
];

/** Any constant: every Confer process on one database serialises its migrations on this advisory lock. */
const MIGRATION_LOCK = 0x436f6e66; // "Conf"

/**
 * Applies every pending migration in one transaction that holds a transaction-level advisory lock, keyed by the
 * schema: replicas starting together queue on the lock, and each one after the first finds nothing to do.
 */
export async function migratePostgres(db: PgDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, db.schema]);
    // A schema of a test's own is made here, under the lock: two processes creating it at once would collide.
    if (db.schema !== 'public') await tx.query(`CREATE SCHEMA IF NOT EXISTS ${db.schema}`);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const applied = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    for (const migration of pgMigrations) {
      if (applied.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
    }
  });
}
