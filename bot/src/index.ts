export { type BotOptions, createBotRouter } from './bot-router.ts';
export type { BotCredentials } from './cloud-adapter.ts';
export type { BotClock, BotLogger, ConversationStore, StoredConversation } from './ports.ts';
