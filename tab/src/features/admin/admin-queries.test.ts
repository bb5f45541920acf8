import { describe, expect, it } from 'vitest';
import { auditQuery, healthQuery } from './admin-api.ts';
import { fileNameOf } from './csv-download.ts';

describe('admin queries', () => {
  it('sends only the health filters that are set, trimmed', () => {
    expect(healthQuery({ status: null, q: '  ' })).toBe('');
    expect(healthQuery({ status: 'expired', q: ' ad ' }, { cursor: 'c1', limit: 200 })).toBe(
      '?status=expired&q=ad&cursor=c1&limit=200',
    );
  });

  it('pages the audit list but exports every match (no limit)', () => {
    const filter = { action: 'admin.refused', actor: '', since: '2026-12-01T00:00:00.000Z', until: '' };
    expect(auditQuery(filter)).toBe('?limit=200&action=admin.refused&since=2026-12-01T00%3A00%3A00.000Z');
    expect(auditQuery(filter, null)).toBe('?action=admin.refused&since=2026-12-01T00%3A00%3A00.000Z');
    expect(auditQuery({ action: '', actor: '', since: '', until: '' }, null)).toBe('');
  });
});

describe('fileNameOf', () => {
  it.each([
    ['attachment; filename="confer-health-2026-12-02.csv"', 'confer-health-2026-12-02.csv'],
    ['attachment; filename=audit.csv', 'audit.csv'],
    ['attachment; filename="../../etc/passwd"', null],
    ['attachment', null],
    [null, null],
  ])('reads %j as %j', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
