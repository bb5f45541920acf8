import { AppError } from '../../domain/app-error.ts';
import type { AlertMailer } from '../../ports/alert-mailer.ts';
import type { GraphActorDeps } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { GRAPH_USER_FIELDS, graphUserSchema } from './graph-schemas.ts';

/**
 * Alert emails through Graph with the application permission Mail.Send: `POST /users/{mailbox}/sendMail` from the
 * configured mailbox (docs/reference/graph-calendar.md §8), to the person's mail address read from the directory
 * (User.Read.All). Graph answers 202 with no body once it accepted the message. Each email asks for a fresh
 * application token: alerts are rare, and a cached token keeps the roles it was issued with (an hour without
 * Mail.Send after consent came back, docs/reference/teams-platform.md §3).
 */
export function createGraphAlertMailer(deps: GraphActorDeps & { mailbox: string }): AlertMailer {
  return {
    async send(tenantId, toUserId, mail) {
      const token = await deps.tokens.forApp(tenantId, { forceRefresh: true });
      const client = deps.createClient(async () => token);
      const user = parse(
        graphUserSchema,
        await call(() =>
          client
            .api(`/users/${encodeURIComponent(toUserId)}`)
            .select(GRAPH_USER_FIELDS)
            .get(),
        ).catch((error: unknown) => {
          throw refusalOf(error, deps.mailbox);
        }),
        'user',
      );
      const address = user.mail ?? null;
      if (!address) {
        throw new AppError('validation_failed', `${user.userPrincipalName} has no mail address to send alerts to.`);
      }
      const message = {
        subject: mail.subject,
        body: { contentType: 'Text', content: mail.body },
        toRecipients: [{ emailAddress: { address, ...(user.displayName ? { name: user.displayName } : {}) } }],
      };
      try {
        await call(() =>
          client.api(`/users/${encodeURIComponent(deps.mailbox)}/sendMail`).post({ message, saveToSentItems: true }),
        );
      } catch (error) {
        throw refusalOf(error, deps.mailbox);
      }
    },
  };
}

/**
 * A 403 says which permission is missing in words an owner can act on; the generic mapping speaks of calendars
 * (outside_access_policy), which would mislead here. Anything else keeps its own code.
 */
function refusalOf(error: unknown, mailbox: string): unknown {
  if (!(error instanceof AppError)) return error;
  const forbidden =
    error.code === 'outside_access_policy' || /\(Authorization_RequestDenied\)|\(403\)/.test(error.message);
  if (!forbidden) return error;
  return new AppError(
    'graph_error',
    `Graph refused the alert email: Confer needs the application permissions Mail.Send and User.Read.All, and ${mailbox} within any Application Access Policy.`,
    { cause: error },
  );
}
