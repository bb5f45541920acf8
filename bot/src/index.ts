export { type BotOptions, createBotRouter } from './bot-router.ts';
export type { BotCredentials } from './cloud-adapter.ts';
/** The chat commands that work, e.g. to keep the manifest's `commandLists` in step. */
export { type CommandName, commandNames } from './commands.ts';
export { type InboundFacts, readInboundFacts, tenantOf } from './inbound/activity-checks.ts';
export { type BotTrustSettings, trustedIssuers } from './inbound/bot-issuers.ts';
export type { TrustedIssuer } from './inbound/bot-token-validator.ts';
export type { BotRefusalCode } from './inbound/refusal.ts';
export type { InboundAuth } from './inbound/trust-activity.ts';
export type { BotClock, BotLogger, ConversationStore, StoredConversation, TenantMembership } from './ports.ts';
export * from './trust.ts';
