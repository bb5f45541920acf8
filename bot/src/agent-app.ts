import { ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type TurnState } from '@microsoft/agents-hosting';
import type { BotDeps } from './bot-deps.ts';
import { handleInstallationUpdate, handleMembersAdded } from './handlers/install-handler.ts';
import { handleMessage } from './handlers/message-handler.ts';

/** Confer's routes on the Agents SDK application: install, uninstall and chat messages. */
export function createConferAgent(adapter: CloudAdapter, deps: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter });
  agent.onActivity(ActivityTypes.InstallationUpdate, (context) => handleInstallationUpdate(context, deps));
  agent.onConversationUpdate('membersAdded', (context) => handleMembersAdded(context, deps));
  agent.onActivity(ActivityTypes.Message, (context) => handleMessage(context, deps));
  return agent;
}
