import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { openPostgres } from './pg-database.ts';
import { pgMigrations } from './pg-migrations.ts';

const schemas = usePostgresSchemas();

describe('PostgreSQL database', () => {
  it('applies every migration once, however many processes start together', async () => {
    const schema = schemas.newSchema();
    const opened = await Promise.all([0, 1, 2].map(() => schemas.open({ schema, poolSize: 2 })));
    const rows = await opened[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(pgMigrations.map((migration) => migration.version));
  });

  it('rolls a failed transaction back whole, and reports a broken constraint as a store error', async () => {
    const db = await schemas.open();
    const failure = await db
      .transaction(async (tx) => {
        await tx.execute("INSERT INTO leases (name, holder, until_ms, epoch) VALUES ('a', 'x', 1, 1)");
        await tx.execute("INSERT INTO leases (name, holder, until_ms, epoch) VALUES ('a', 'y', 1, 1)");
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).details).toMatchObject({ reason: 'duplicate' });
    expect(await db.query('SELECT * FROM leases')).toEqual([]);
  });

  it('answers store_unavailable (retryable) when the server cannot be reached', async () => {
    const db = openPostgres({ url: 'postgres://postgres@127.0.0.1:1/none', schema: 't_unreachable' });
    const failure = await db.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'store_unavailable', retryAfterSeconds: 1 });
  });
});
