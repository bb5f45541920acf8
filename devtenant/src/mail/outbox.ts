import { randomUUID } from 'node:crypto';

export interface Recipient {
  emailAddress: { address: string; name?: string };
}

export interface SentMessage {
  id: string;
  sentDateTime: string;
  /** The mailbox the message was sent from (the `/users/{id}` or `/me` of the request). */
  from: { id: string; address: string; name: string };
  /** Client id of the app that sent it. */
  appId: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  saveToSentItems: boolean;
}

/** Messages accepted by sendMail; tests and the demo read them through the control API. */
export interface Outbox {
  add(message: Omit<SentMessage, 'id'>): SentMessage;
  list(): readonly SentMessage[];
  clear(): void;
  snapshot(): SentMessage[];
  restore(messages: readonly SentMessage[]): void;
}

export function createOutbox(): Outbox {
  let messages: SentMessage[] = [];
  return {
    add(message) {
      const sent = { id: randomUUID(), ...message };
      messages.push(sent);
      return sent;
    },
    list: () => messages,
    clear() {
      messages = [];
    },
    snapshot: () => structuredClone(messages),
    restore(snapshot) {
      messages = structuredClone([...snapshot]);
    },
  };
}
