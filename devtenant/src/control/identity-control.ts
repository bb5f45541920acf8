import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { DEFAULT_ADMIN_CONSENT } from '../core/options.ts';
import type { Tenant } from '../core/tenant.ts';
import { CONFER_USERS_GROUP_ID } from '../directory/seed-groups.ts';
import { type AppRoleAssignment, userRolesOf } from '../identity/app-role-assignments.ts';
import { issueTeamsSsoToken } from '../identity/teams-sso.ts';
import { parseBody, sendControlError } from './control-helpers.ts';

const ssoSchema = z.object({ userId: z.string().min(1), resource: z.string().min(1) }).strict();
const adminConsentSchema = z
  .object({
    clientId: z.string().min(1),
    granted: z.boolean(),
    delegated: z.array(z.string()).optional(),
    roles: z.array(z.string()).optional(),
  })
  .strict();
const userConsentSchema = z
  .object({
    clientId: z.string().min(1),
    userId: z.string().min(1),
    granted: z.boolean(),
    scopes: z.array(z.string()).optional(),
  })
  .strict();
const revokeSchema = z.object({ userId: z.string().min(1), clientId: z.string().min(1).optional() }).strict();
const policySchema = z
  .object({
    enabled: z.boolean(),
    appId: z.string().min(1).optional(),
    group: z.string().min(1).default(CONFER_USERS_GROUP_ID),
    accessRight: z.enum(['RestrictAccess', 'DenyAccess']).default('RestrictAccess'),
  })
  .strict();

const roleAssignmentSchema = z
  .object({ clientId: z.string().min(1), principalId: z.string().min(1), role: z.string().min(1) })
  .strict();

/**
 * Teams SSO tokens, consent, app role assignments, refresh-token revocation and the Exchange Application Access
 * Policy.
 */
export function createIdentityControl(tenant: Tenant): Router {
  const router = express.Router();
  router.post('/teams-sso-token', (req, res) => {
    const body = parseBody(ssoSchema, req, res);
    if (!body) return;
    const result = issueTeamsSsoToken(tenant.identity, body.userId, body.resource);
    if (result.ok) res.json({ token: result.token });
    else sendControlError(res, 400, result.code, result.message);
  });
  router.get('/consent', (_req, res) => {
    res.json(tenant.consent.snapshot());
  });
  router.post('/consent/admin', (req, res) => {
    const body = parseBody(adminConsentSchema, req, res);
    if (!body) return;
    if (!tenant.apps.byClientId(body.clientId))
      return sendControlError(res, 404, 'unknown_app', `No app registration ${body.clientId}.`);
    if (body.granted) {
      tenant.consent.grantAdmin(body.clientId, {
        delegated: body.delegated ?? DEFAULT_ADMIN_CONSENT.delegated,
        roles: body.roles ?? DEFAULT_ADMIN_CONSENT.roles,
      });
    } else {
      tenant.consent.revokeAdmin(body.clientId);
    }
    res.json({ clientId: body.clientId, grant: tenant.consent.adminGrant(body.clientId) ?? null });
  });
  router.post('/consent/user', (req, res) => {
    const body = parseBody(userConsentSchema, req, res);
    if (!body) return;
    const user = tenant.directory.findUser(tenant.tenantId, body.userId);
    if (!user) return sendControlError(res, 404, 'unknown_user', `No person ${body.userId}.`);
    if (body.granted) tenant.consent.grantUser(body.clientId, user.id, body.scopes ?? []);
    else tenant.consent.revokeUser(body.clientId, user.id);
    res.json({ clientId: body.clientId, userId: user.id, scopes: tenant.consent.userScopes(body.clientId, user.id) });
  });
  router.get('/app-role-assignments', (_req, res) => {
    res.json({ value: tenant.appRoles.list() });
  });
  router.post('/app-role-assignments', (req, res) => {
    const assignment = parseRoleAssignment(tenant, req, res);
    if (!assignment) return;
    tenant.appRoles.add(assignment);
    res.json({ value: tenant.appRoles.list() });
  });
  router.delete('/app-role-assignments', (req, res) => {
    const assignment = parseRoleAssignment(tenant, req, res);
    if (!assignment) return;
    if (!tenant.appRoles.remove(assignment)) {
      return sendControlError(
        res,
        404,
        'unknown_assignment',
        `${assignment.principalId} does not hold ${assignment.role} on ${assignment.appClientId}.`,
      );
    }
    res.json({ value: tenant.appRoles.list() });
  });
  router.post('/refresh-tokens/revoke', (req, res) => {
    const body = parseBody(revokeSchema, req, res);
    if (!body) return;
    const user = tenant.directory.findUser(tenant.tenantId, body.userId);
    if (!user) return sendControlError(res, 404, 'unknown_user', `No person ${body.userId}.`);
    res.json({ revoked: tenant.refreshTokens.revokeUser(user.id, body.clientId) });
  });
  router.get('/access-policy', (req, res) => {
    const { appId, user } = req.query;
    if (typeof appId === 'string' && typeof user === 'string') {
      const person =
        tenant.directory.findUser(tenant.tenantId, user) ?? tenant.directory.findByEmail(tenant.tenantId, user);
      if (!person) return sendControlError(res, 404, 'unknown_user', `No person ${user}.`);
      res.json({
        appId,
        mailbox: person.userPrincipalName,
        accessCheckResult: tenant.accessPolicies.allows(appId, person) ? 'Granted' : 'Denied',
      });
      return;
    }
    res.json({ policies: tenant.accessPolicies.list() });
  });
  router.post('/access-policy', (req, res) => {
    const body = parseBody(policySchema, req, res);
    if (!body) return;
    const group = tenant.directory.findGroup(body.group);
    if (!group?.mailEnabled || !group.securityEnabled) {
      return sendControlError(
        res,
        400,
        'invalid_group',
        `'${body.group}' is not a mail-enabled security group (New-ApplicationAccessPolicy requires one).`,
      );
    }
    const appIds = body.appId ? [body.appId] : tenant.apps.list().map((a) => a.clientId);
    for (const appId of appIds) {
      if (body.enabled)
        tenant.accessPolicies.set({
          appId,
          groupId: group.id,
          accessRight: body.accessRight,
          description: `Restrict ${appId} to ${group.displayName}`,
        });
      else tenant.accessPolicies.remove(appId);
    }
    res.json({ policies: tenant.accessPolicies.list() });
  });
  return router;
}

/**
 * Reads `{ clientId, principalId, role }` and resolves it to object ids: the app must declare the role for users
 * and groups, the principal must be a person (id or UPN) or a group (id, mail or name) of the tenant, because an
 * Entra assignment links a tenant principal to a declared role (docs/reference/teams-platform.md §9). Otherwise
 * answers 400 with a code.
 */
function parseRoleAssignment(tenant: Tenant, req: Request, res: Response): AppRoleAssignment | undefined {
  const body = parseBody(roleAssignmentSchema, req, res);
  if (!body) return undefined;
  const app = tenant.apps.byClientId(body.clientId);
  if (!app) {
    sendControlError(res, 400, 'unknown_app', `No app registration ${body.clientId}.`);
    return undefined;
  }
  if (!userRolesOf(app).includes(body.role)) {
    const declared = userRolesOf(app).join(', ') || 'none';
    const message = `${app.displayName} declares no role '${body.role}' for users and groups (declared: ${declared}).`;
    sendControlError(res, 400, 'unknown_role', message);
    return undefined;
  }
  const principalId =
    tenant.directory.findUser(tenant.tenantId, body.principalId)?.id ??
    tenant.directory.findGroup(body.principalId)?.id;
  if (!principalId) {
    sendControlError(res, 400, 'unknown_principal', `No person or group ${body.principalId}.`);
    return undefined;
  }
  return { appClientId: app.clientId, principalId, role: body.role };
}
