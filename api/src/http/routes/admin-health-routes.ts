import { auditQuerySchema, healthQuerySchema } from '@confer/contracts';
import { type Response, Router } from 'express';
import { type Admin, type AdminDeps, listAuditEntries } from '../../use-cases/admin/admin-settings.ts';
import { auditExportName, auditFilterOf, exportAuditEntries } from '../../use-cases/admin/audit-export.ts';
import {
  exportConnectionHealth,
  healthExportName,
  listConnectionHealth,
} from '../../use-cases/admin/connection-health.ts';
import { sendCsv } from '../send-csv.ts';
import { parseInput } from '../validate.ts';

/** The export takes the list's filters; paging does not apply to it. */
const healthExportQuerySchema = healthQuerySchema.pick({ status: true, q: true });
const auditExportQuerySchema = auditQuerySchema.omit({ limit: true });

/**
 * Read-only admin reports, behind admin-routes.ts's guard: the connection health of everyone Confer knows, and
 * the audit log with its filters; each also as a CSV download of every match.
 */
export function adminHealthRoutes(deps: AdminDeps): Router {
  const router = Router();
  const adminOf = (res: Response) => res.locals.admin as Admin;
  router.get('/audit', async (req, res) => {
    const { limit, ...filters } = parseInput(auditQuerySchema, req.query, 'query');
    res.setHeader('cache-control', 'no-store');
    res.json({ entries: await listAuditEntries(deps, adminOf(res), limit, auditFilterOf(filters)) });
  });
  router.get('/audit.csv', async (req, res) => {
    const filter = auditFilterOf(parseInput(auditExportQuerySchema, req.query, 'query'));
    await sendCsv(res, auditExportName(deps.clock), exportAuditEntries(deps, adminOf(res), filter));
  });
  const health = deps.health;
  if (!health) return router;
  router.get('/health', async (req, res) => {
    const query = parseInput(healthQuerySchema, req.query, 'query');
    res.setHeader('cache-control', 'no-store');
    res.json(await listConnectionHealth(health, adminOf(res), query));
  });
  router.get('/health.csv', async (req, res) => {
    const query = parseInput(healthExportQuerySchema, req.query, 'query');
    await sendCsv(res, healthExportName(health.clock), exportConnectionHealth(health, adminOf(res), query));
  });
  return router;
}
