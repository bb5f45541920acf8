export { type BotOptions, createBotRouter } from './bot-router.ts';
export type { BotCredentials } from './cloud-adapter.ts';
/** The chat commands that work, e.g. to keep the manifest's `commandLists` in step. */
export { type CommandName, commandNames } from './commands.ts';
export type { BotClock, BotLogger, ConversationStore, StoredConversation } from './ports.ts';
