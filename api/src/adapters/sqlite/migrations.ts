/** Plain, ordered, forward-only migrations. Never edit a released one: add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'bot conversations',
    sql: `
      CREATE TABLE bot_conversations (
        tenant_id       TEXT NOT NULL,
        aad_object_id   TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        user_name       TEXT,
        conversation_id TEXT NOT NULL,
        service_url     TEXT NOT NULL,
        channel_id      TEXT NOT NULL,
        reference_json  TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'tenants and users',
    sql: `
      CREATE TABLE tenants (
        tenant_id         TEXT NOT NULL PRIMARY KEY,
        connection_mode   TEXT NOT NULL CHECK (connection_mode IN ('user', 'tenant')),
        security_group_id TEXT,
        updated_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        tenant_id             TEXT NOT NULL,
        user_id               TEXT NOT NULL,
        email                 TEXT NOT NULL,
        display_name          TEXT NOT NULL,
        time_zone             TEXT NOT NULL,
        connection_status     TEXT NOT NULL CHECK (connection_status IN
                                ('connected', 'consent_required', 'expired', 'outside_scope', 'not_connected')),
        connection_checked_at TEXT,
        connection_expires_at TEXT,
        preferences_json      TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      ) STRICT;
      CREATE INDEX users_by_email ON users (tenant_id, email COLLATE NOCASE);
    `,
  },
  {
    version: 3,
    name: 'meeting types',
    sql: `
      CREATE TABLE meeting_types (
        tenant_id              TEXT NOT NULL,
        id                     TEXT NOT NULL,
        name                   TEXT NOT NULL,
        duration_minutes       INTEGER NOT NULL CHECK (duration_minutes > 0),
        agenda_prompts_json    TEXT NOT NULL,
        default_reminders_json TEXT NOT NULL,
        sort_order             INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, id)
      ) STRICT;

      -- One row per tenant once its defaults were seeded, so an admin's later edits are never re-seeded over.
      CREATE TABLE meeting_type_seeds (
        tenant_id TEXT NOT NULL PRIMARY KEY
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'meetings, attendees, occurrences and history',
    sql: `
      CREATE TABLE meetings (
        tenant_id       TEXT NOT NULL,
        id              TEXT NOT NULL,
        organizer_id    TEXT NOT NULL,
        organizer_email TEXT NOT NULL,
        organizer_name  TEXT NOT NULL,
        type_id         TEXT,
        title           TEXT NOT NULL,
        agenda          TEXT NOT NULL,
        start_utc       TEXT NOT NULL,
        end_utc         TEXT NOT NULL,
        time_zone       TEXT NOT NULL,
        recurrence_json TEXT,
        online          INTEGER NOT NULL CHECK (online IN (0, 1)),
        location        TEXT,
        status          TEXT NOT NULL CHECK (status IN ('creating', 'scheduled', 'cancelled', 'failed')),
        transaction_id  TEXT NOT NULL,
        graph_event_id  TEXT,
        ical_uid        TEXT,
        change_key      TEXT,
        join_url        TEXT,
        version         INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        -- First start and last end over every occurrence (moved ones included): the window filters use them.
        span_start_utc  TEXT NOT NULL,
        span_end_utc    TEXT NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, transaction_id),
        CHECK (end_utc > start_utc)
      ) STRICT;
      CREATE INDEX meetings_by_graph_event ON meetings (tenant_id, graph_event_id);
      CREATE INDEX meetings_by_organizer ON meetings (tenant_id, organizer_id, span_start_utc);
      CREATE INDEX meetings_creating ON meetings (status, created_at) WHERE status = 'creating';

      CREATE TABLE meeting_attendees (
        tenant_id      TEXT NOT NULL,
        meeting_id     TEXT NOT NULL,
        position       INTEGER NOT NULL,
        email          TEXT NOT NULL COLLATE NOCASE,
        user_id        TEXT,
        display_name   TEXT NOT NULL,
        type           TEXT NOT NULL CHECK (type IN ('required', 'optional')),
        response       TEXT NOT NULL CHECK (response IN
                         ('none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded')),
        responded_at   TEXT,
        proposed_start TEXT,
        proposed_end   TEXT,
        PRIMARY KEY (tenant_id, meeting_id, email),
        UNIQUE (tenant_id, meeting_id, position),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      ) STRICT;
      CREATE INDEX meeting_attendees_by_user ON meeting_attendees (tenant_id, user_id);

      CREATE TABLE meeting_occurrences (
        tenant_id      TEXT NOT NULL,
        meeting_id     TEXT NOT NULL,
        original_start TEXT NOT NULL,
        start_utc      TEXT NOT NULL,
        end_utc        TEXT NOT NULL,
        cancelled      INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
        graph_event_id TEXT,
        PRIMARY KEY (tenant_id, meeting_id, original_start),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK (end_utc > start_utc)
      ) STRICT;
      CREATE INDEX meeting_occurrences_by_graph_event ON meeting_occurrences (tenant_id, graph_event_id);

      CREATE TABLE meeting_history (
        seq          INTEGER PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        meeting_id   TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_id     TEXT,
        kind         TEXT NOT NULL CHECK (kind IN ('created', 'rescheduled', 'updated', 'cancelled', 'responded',
                       'occurrence_changed', 'occurrence_cancelled')),
        summary      TEXT NOT NULL,
        details_json TEXT NOT NULL,
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      ) STRICT;
      CREATE INDEX meeting_history_by_meeting ON meeting_history (tenant_id, meeting_id, at);
    `,
  },
  {
    version: 5,
    name: 'notes and actions',
    sql: `
      CREATE TABLE meeting_notes (
        tenant_id        TEXT NOT NULL,
        id               TEXT NOT NULL,
        meeting_id       TEXT NOT NULL,
        occurrence_start TEXT,
        author_id        TEXT NOT NULL,
        visibility       TEXT NOT NULL CHECK (visibility IN ('private', 'shared')),
        body             TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        version          INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      ) STRICT;
      CREATE INDEX meeting_notes_by_meeting ON meeting_notes (tenant_id, meeting_id);

      CREATE TABLE meeting_actions (
        tenant_id        TEXT NOT NULL,
        id               TEXT NOT NULL,
        meeting_id       TEXT NOT NULL,
        occurrence_start TEXT,
        title            TEXT NOT NULL,
        owner_email      TEXT NOT NULL,
        owner_name       TEXT NOT NULL,
        due_date         TEXT CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        done             INTEGER NOT NULL CHECK (done IN (0, 1)),
        done_at          TEXT,
        created_by       TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        version          INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      ) STRICT;
      CREATE INDEX meeting_actions_by_meeting ON meeting_actions (tenant_id, meeting_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'token cache and audit log',
    sql: `
      -- Encrypted by the token cache plugin before it gets here: the store never holds a plaintext token.
      CREATE TABLE token_cache (
        tenant_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        encrypted BLOB NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      ) STRICT;

      CREATE TABLE audit_log (
        seq          INTEGER PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_id     TEXT,
        action       TEXT NOT NULL,
        target       TEXT,
        details_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, at);
    `,
  },
  {
    version: 7,
    name: 'outbound messages',
    sql: `
      -- The bot's proactive messages, one row per logical message (key), kept after sending so enqueuing
      -- the same key again changes nothing. Times are epoch milliseconds: the worker scans them by range.
      CREATE TABLE outbound_messages (
        key             TEXT NOT NULL PRIMARY KEY,
        tenant_id       TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        kind            TEXT NOT NULL,
        payload_json    TEXT NOT NULL,
        not_before_ms   INTEGER NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sending', 'sent', 'skipped', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        claim_token     TEXT,
        lease_until_ms  INTEGER,
        delivery_id     TEXT,
        conversation_id TEXT,
        activity_id     TEXT,
        last_error      TEXT,
        reason          TEXT,
        sent_at_ms      INTEGER,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        CHECK ((state IN ('claimed', 'sending')) = (claim_token IS NOT NULL AND lease_until_ms IS NOT NULL))
      ) STRICT;
      CREATE INDEX outbound_due ON outbound_messages (not_before_ms) WHERE state = 'pending';
      CREATE INDEX outbound_leased ON outbound_messages (lease_until_ms) WHERE state IN ('claimed', 'sending');
      CREATE INDEX outbound_sent ON outbound_messages (sent_at_ms) WHERE state = 'sent';
    `,
  },
  {
    version: 8,
    name: 'outbound messages by tenant',
    sql: `
      -- Per-tenant reads (a person's pending prompts, a tenant's send history) stay scoped and indexed like
      -- every other table; the worker's own scans use the time indexes of migration 7.
      CREATE INDEX outbound_by_tenant ON outbound_messages (tenant_id, user_id, state);
    `,
  },
  {
    version: 9,
    name: 'graph subscriptions and notification inbox',
    sql: `
      -- The Graph change-notification subscriptions Confer owns. client_state_digest is the SHA-256 of the
      -- secret, never the secret itself.
      CREATE TABLE graph_subscriptions (
        id                  TEXT NOT NULL PRIMARY KEY,
        tenant_id           TEXT NOT NULL,
        user_id             TEXT NOT NULL,
        resource            TEXT NOT NULL,
        mode                TEXT NOT NULL CHECK (mode IN ('tenant', 'user')),
        client_state_digest TEXT NOT NULL,
        expires_at          TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        renewed_at          TEXT,
        state               TEXT NOT NULL CHECK (state IN ('active', 'removed', 'failed')),
        reason              TEXT,
        CHECK ((state = 'active') = (reason IS NULL))
      ) STRICT;
      CREATE INDEX graph_subscriptions_by_user ON graph_subscriptions (tenant_id, user_id, created_at);
      CREATE INDEX graph_subscriptions_expiring ON graph_subscriptions (expires_at) WHERE state = 'active';

      -- Every accepted notification, written before Graph is acknowledged. A change notification's key names
      -- one version of one event, so it is recorded once for good; a lifecycle event's key is unique only while
      -- pending, so a later "missed" after the first was handled is a new one.
      CREATE TABLE graph_inbox (
        seq             INTEGER PRIMARY KEY,
        dedupe_key      TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        tenant_id       TEXT NOT NULL,
        change_type     TEXT CHECK (change_type IN ('created', 'updated', 'deleted')),
        resource        TEXT,
        resource_id     TEXT,
        lifecycle_event TEXT CHECK (lifecycle_event IN ('reauthorizationRequired', 'subscriptionRemoved', 'missed')),
        received_at     TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'processed')),
        CHECK ((change_type IS NULL) <> (lifecycle_event IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX graph_inbox_once ON graph_inbox (dedupe_key)
        WHERE lifecycle_event IS NULL OR state = 'pending';
      CREATE INDEX graph_inbox_pending ON graph_inbox (seq) WHERE state = 'pending';
      -- Per-tenant reads (a subscription's entries, a tenant's backlog) stay scoped and indexed like every
      -- other table; the processor's scan in arrival order uses graph_inbox_pending.
      CREATE INDEX graph_inbox_by_tenant ON graph_inbox (tenant_id, subscription_id, state);
    `,
  },
  {
    version: 10,
    name: 'outlook sync: what flows back, and where each calendar delta stands',
    sql: `
      -- Outlook's subject when it differs from Confer's title; people invited in Outlook rather than in Confer.
      ALTER TABLE meetings ADD COLUMN outlook_subject TEXT;
      ALTER TABLE meeting_attendees ADD COLUMN added_in_outlook INTEGER NOT NULL DEFAULT 0
        CHECK (added_in_outlook IN (0, 1));
      -- The changeKey a change notification carried (from its @odata.etag): an echo of Confer's own write is
      -- recognised by it without reading the event.
      ALTER TABLE graph_inbox ADD COLUMN change_key TEXT;
      -- Where the delta backstop of each watched calendar stands: the link the next round starts from, and the
      -- window it covers. A missing row means the next round starts from scratch.
      CREATE TABLE graph_delta_state (
        tenant_id    TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        delta_link   TEXT,
        window_start TEXT NOT NULL,
        window_end   TEXT NOT NULL,
        synced_at    TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      ) STRICT;
    `,
  },
  {
    version: 11,
    name: 'admin settings: integration switch, self-service disconnect, integration owners',
    sql: `
      -- A tenant that never chose keeps today's behaviour: integration on, people may disconnect, no owners.
      ALTER TABLE tenants ADD COLUMN integration_enabled INTEGER NOT NULL DEFAULT 1
        CHECK (integration_enabled IN (0, 1));
      ALTER TABLE tenants ADD COLUMN allow_disconnect INTEGER NOT NULL DEFAULT 1
        CHECK (allow_disconnect IN (0, 1));
      ALTER TABLE tenants ADD COLUMN integration_owners_json TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 12,
    name: 'admin consent: the requests sent to Entra and the outcomes it sent back',
    sql: `
      -- A consent link's state is kept only as its SHA-256 digest: a copy of the table opens no link.
      CREATE TABLE admin_consent_requests (
        tenant_id    TEXT NOT NULL,
        state_digest TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        used_at      TEXT,
        PRIMARY KEY (tenant_id, state_digest)
      ) STRICT;
      CREATE TABLE admin_consent_outcomes (
        seq               INTEGER PRIMARY KEY,
        tenant_id         TEXT NOT NULL,
        outcome           TEXT NOT NULL CHECK (outcome IN ('granted', 'refused')),
        at                TEXT NOT NULL,
        requested_by      TEXT,
        scope             TEXT,
        error             TEXT,
        error_description TEXT,
        CHECK ((outcome = 'refused') = (error IS NOT NULL))
      ) STRICT;
      CREATE INDEX admin_consent_outcomes_latest ON admin_consent_outcomes (tenant_id, at, seq);
    `,
  },
  {
    version: 13,
    name: 'connection health: connected once, activity, paging indexes; audit log filters',
    sql: `
      -- not_connected covers two people: one who never connected, and one who did and then disconnected (or whose
      -- tokens were forgotten). connected_once_at tells them apart. Backfill: a person connected or expired now
      -- was connected once, and a checked not_connected is the mark a disconnect leaves (connection-guard.ts).
      ALTER TABLE users ADD COLUMN connected_once_at TEXT;
      UPDATE users SET connected_once_at = COALESCE(connection_checked_at, updated_at)
        WHERE connection_status IN ('connected', 'expired')
           OR (connection_status = 'not_connected' AND connection_checked_at IS NOT NULL);
      -- The admin's status, computed by the database so filters and counts use an index.
      ALTER TABLE users ADD COLUMN health_status TEXT GENERATED ALWAYS AS (
        CASE connection_status
          WHEN 'not_connected' THEN CASE WHEN connected_once_at IS NULL THEN 'never_connected' ELSE 'disconnected' END
          ELSE connection_status
        END) VIRTUAL;
      -- Keyset pages in display name order, over everyone or one status.
      CREATE INDEX users_by_name ON users (tenant_id, display_name, user_id);
      CREATE INDEX users_by_health ON users (tenant_id, health_status, display_name, user_id);

      -- Written in coalesced batches (at most once per person per interval), never once per Graph call.
      CREATE TABLE connection_activity (
        tenant_id              TEXT NOT NULL,
        user_id                TEXT NOT NULL,
        last_graph_success_at  TEXT,
        sync_error_kind        TEXT CHECK (sync_error_kind IN ('subscription', 'apply')),
        sync_error_code        TEXT,
        sync_error_message     TEXT,
        sync_error_at          TEXT,
        PRIMARY KEY (tenant_id, user_id),
        CHECK ((sync_error_kind IS NULL) = (sync_error_code IS NULL)
           AND (sync_error_kind IS NULL) = (sync_error_message IS NULL)
           AND (sync_error_kind IS NULL) = (sync_error_at IS NULL))
      ) STRICT;

      -- The audit log filtered by action or by actor, newest first.
      CREATE INDEX audit_log_by_action ON audit_log (tenant_id, action, at);
      CREATE INDEX audit_log_by_actor ON audit_log (tenant_id, actor_id, at);
    `,
  },
  {
    version: 14,
    name: 'access tests: kept results and one running test per tenant',
    sql: `
      -- The newest 20 results per tenant are kept (the store drops older ones when it saves one).
      CREATE TABLE access_tests (
        id           TEXT NOT NULL PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        at           TEXT NOT NULL,
        by_user      TEXT NOT NULL,
        trigger      TEXT NOT NULL CHECK (trigger IN ('manual', 'after_consent')),
        mode         TEXT NOT NULL CHECK (mode IN ('user', 'tenant')),
        tested       INTEGER NOT NULL CHECK (tested >= 0),
        succeeded    INTEGER NOT NULL CHECK (succeeded >= 0 AND succeeded <= tested),
        failures_json TEXT NOT NULL,
        people_json  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_tests_by_tenant ON access_tests (tenant_id, at);
      -- At most one test runs per tenant: the row is its claim, deleted when it ends.
      CREATE TABLE access_test_runs (
        tenant_id  TEXT NOT NULL PRIMARY KEY,
        started_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 15,
    name: 'incidents of the Outlook integration and the notices sent to its owners',
    sql: `
      -- At most one open incident per tenant and kind; resolved ones stay as the tenant's history.
      CREATE TABLE incidents (
        id           TEXT NOT NULL PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('consent_revoked', 'secret_expiring', 'subscription_failures',
                                                   'delivery_failures', 'access_test_failures')),
        state        TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
        summary      TEXT NOT NULL,
        advice       TEXT NOT NULL,
        affected     INTEGER NOT NULL CHECK (affected >= 0),
        opened_at    TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        reminded_at  TEXT,
        resolved_at  TEXT,
        CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX incidents_one_open ON incidents (tenant_id, kind) WHERE state = 'open';
      CREATE INDEX incidents_by_tenant ON incidents (tenant_id, opened_at);
      -- Each message to an owner is recorded before it is sent (the intent), so a restart neither loses nor
      -- repeats it: the card goes through the outbound queue, idempotent by key; the email waits here until sent.
      CREATE TABLE incident_notices (
        incident_id    TEXT NOT NULL REFERENCES incidents (id),
        tenant_id      TEXT NOT NULL,
        owner_id       TEXT NOT NULL,
        notice         TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('opened', 'reminder', 'resolved')),
        card_state     TEXT NOT NULL CHECK (card_state IN ('planned', 'queued', 'unreachable')),
        email_state    TEXT NOT NULL CHECK (email_state IN ('pending', 'sent', 'not_configured')),
        email_attempts INTEGER NOT NULL DEFAULT 0,
        email_error    TEXT,
        email_sent_at  TEXT,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (incident_id, owner_id, notice)
      ) STRICT;
      CREATE INDEX incident_notices_undone ON incident_notices (tenant_id, created_at)
        WHERE card_state = 'planned' OR email_state = 'pending';
    `,
  },
  {
    version: 16,
    name: 'what happens after a meeting: attendance per occurrence, pairs and their rhythm',
    sql: `
      -- How often pairs meeting with a type are expected to meet, in days; NULL: no rhythm. The seeded defaults
      -- get theirs (the performance conversation has none).
      ALTER TABLE meeting_types ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0);
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
        tenant_id         TEXT NOT NULL,
        meeting_id        TEXT NOT NULL,
        occurrence_start  TEXT NOT NULL,
        occurrence_end    TEXT NOT NULL,
        online            INTEGER NOT NULL CHECK (online IN (0, 1)),
        state             TEXT NOT NULL CHECK (state IN ('pending', 'held', 'partly_attended', 'no_show', 'unknown')),
        source            TEXT CHECK (source IN ('teams', 'organizer', 'timeout')),
        participants_json TEXT NOT NULL,
        attempts          INTEGER NOT NULL CHECK (attempts >= 0),
        next_check_at     TEXT,
        unknown_reason    TEXT CHECK (unknown_reason IN
                            ('no_report', 'not_permitted', 'not_connected', 'no_online_meeting', 'not_told')),
        decided_at        TEXT,
        decided_by        TEXT,
        version           INTEGER NOT NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, occurrence_start),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK (occurrence_end > occurrence_start),
        CHECK ((state = 'pending') = (source IS NULL)),
        CHECK ((state = 'pending') = (decided_at IS NULL)),
        CHECK ((state = 'unknown') = (unknown_reason IS NOT NULL))
      ) STRICT;
      -- Reports to read and follow-throughs to finish (listDue), and in-person meetings nobody marked (listUntold).
      CREATE INDEX meeting_attendance_due ON meeting_attendance (next_check_at) WHERE next_check_at IS NOT NULL;
      CREATE INDEX meeting_attendance_untold ON meeting_attendance (occurrence_end)
        WHERE state = 'pending' AND next_check_at IS NULL;

      -- One row per pair of people who held a meeting, person_a < person_b (byte order).
      CREATE TABLE meeting_pairs (
        tenant_id            TEXT NOT NULL,
        person_a             TEXT NOT NULL,
        person_b             TEXT NOT NULL,
        organized_by_a       INTEGER NOT NULL CHECK (organized_by_a >= 0),
        organized_by_b       INTEGER NOT NULL CHECK (organized_by_b >= 0),
        last_held_meeting_id TEXT NOT NULL,
        last_held_start      TEXT NOT NULL,
        last_held_end        TEXT NOT NULL,
        last_type_id         TEXT,
        rhythm_days          INTEGER CHECK (rhythm_days IS NULL OR rhythm_days > 0),
        last_nudge_at        TEXT,
        updated_at           TEXT NOT NULL,
        PRIMARY KEY (tenant_id, person_a, person_b),
        CHECK (person_a < person_b)
      ) STRICT;
      CREATE INDEX meeting_pairs_by_b ON meeting_pairs (tenant_id, person_b);
      -- Each held occurrence a pair has counted, so recording it again counts nothing twice.
      CREATE TABLE meeting_pairs_held (
        tenant_id        TEXT NOT NULL,
        meeting_id       TEXT NOT NULL,
        occurrence_start TEXT NOT NULL,
        person_a         TEXT NOT NULL,
        person_b         TEXT NOT NULL,
        recorded_at      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, occurrence_start, person_a, person_b)
      ) STRICT;
    `,
  },
  {
    version: 17,
    name: 'guests outside the tenant: times offered through a signed link',
    sql: `
      -- One row per link an organizer made for an external attendee; answered (picked or proposed) at most once.
      CREATE TABLE guest_offers (
        tenant_id        TEXT NOT NULL,
        id               TEXT NOT NULL,
        meeting_id       TEXT NOT NULL,
        occurrence_start TEXT,
        attendee_email   TEXT NOT NULL,
        attendee_name    TEXT NOT NULL,
        slots_json       TEXT NOT NULL,
        meeting_start    TEXT NOT NULL,
        created_by       TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        expires_at       TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('offered', 'picked', 'proposed', 'revoked')),
        claimed_at       TEXT,
        decided_at       TEXT,
        chosen_start     TEXT,
        chosen_end       TEXT,
        message          TEXT,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK ((state = 'offered') = (decided_at IS NULL)),
        CHECK (state = 'offered' OR claimed_at IS NULL),
        CHECK ((state IN ('picked', 'proposed')) = (chosen_start IS NOT NULL AND chosen_end IS NOT NULL))
      ) STRICT;
      CREATE INDEX guest_offers_by_meeting ON guest_offers (tenant_id, meeting_id, created_at);
    `,
  },
  {
    version: 18,
    name: 'sign-in from chat: what someone asked the bot while it could not act for them yet',
    sql: `
      -- At most one action per person, run once after they sign in from the chat, or dropped at expiry.
      CREATE TABLE bot_pending_sign_ins (
        tenant_id     TEXT NOT NULL,
        aad_object_id TEXT NOT NULL,
        activity_json TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        expires_at    TEXT NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id),
        CHECK (expires_at > created_at)
      ) STRICT;
    `,
  },
];
