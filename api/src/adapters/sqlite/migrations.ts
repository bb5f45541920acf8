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
];
