import express, { type Router } from 'express';
import { z } from 'zod';
import type { GraphAuthorization } from '../core/graph-authorization.ts';
import type { Clock } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import type { Outbox } from './outbox.ts';

export interface SendMailDeps {
  clock: Clock;
  auth: GraphAuthorization;
  outbox: Outbox;
}

const recipient = z.object({
  emailAddress: z.object({ address: z.string().email(), name: z.string().optional() }),
});

const sendMailBody = z.object({
  message: z.object({
    subject: z.string().default(''),
    body: z
      .object({
        contentType: z.enum(['text', 'html', 'Text', 'HTML', 'Html']).default('text'),
        content: z.string().default(''),
      })
      .default({ contentType: 'text', content: '' }),
    toRecipients: z.array(recipient).default([]),
    ccRecipients: z.array(recipient).default([]),
    bccRecipients: z.array(recipient).default([]),
  }),
  saveToSentItems: z.boolean().default(true),
});

const PERMISSIONS = { delegated: ['Mail.Send'], application: ['Mail.Send'] };

/** `POST /me/sendMail` and `/users/{id|upn}/sendMail` → 202 with no body; the message lands in the outbox. */
export function createSendMailRoutes(deps: SendMailDeps): Router {
  const router = express.Router();
  router.post(['/me/sendMail', '/users/:who/sendMail'], (req, res) => {
    const caller = deps.auth.authorize(req, PERMISSIONS);
    const sender = deps.auth.resolveMailbox(
      req,
      caller,
      typeof req.params.who === 'string' ? req.params.who : 'me',
      'own',
    );
    const parsed = sendMailBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GraphHttpError(
        400,
        'ErrorInvalidRequest',
        `The request body is not a valid sendMail request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    const { message, saveToSentItems } = parsed.data;
    if (message.toRecipients.length + message.ccRecipients.length + message.bccRecipients.length === 0) {
      throw new GraphHttpError(
        400,
        'ErrorInvalidRecipients',
        "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
      );
    }
    deps.outbox.add({
      sentDateTime: deps.clock.now().toISOString(),
      from: { id: sender.id, address: sender.mail ?? sender.userPrincipalName, name: sender.displayName },
      appId: caller.appId,
      subject: message.subject,
      body: {
        contentType: message.body.contentType.toLowerCase() === 'html' ? 'html' : 'text',
        content: message.body.content,
      },
      toRecipients: message.toRecipients,
      ccRecipients: message.ccRecipients,
      bccRecipients: message.bccRecipients,
      saveToSentItems,
    });
    res.status(202).end();
  });
  return router;
}
