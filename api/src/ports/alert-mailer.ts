/** An email to one person of the tenant, from Confer's alert mailbox. */
export interface AlertMail {
  subject: string;
  /** Plain text. */
  body: string;
}

/** Sends alert emails (Graph sendMail from the configured mailbox, docs/reference/graph-calendar.md §8). */
export interface AlertMailer {
  /** Throws an AppError when the mail was not accepted (no permission, unknown person, Graph unavailable). */
  send(tenantId: string, toUserId: string, mail: AlertMail): Promise<void>;
}
