import { ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { BotDeps } from './bot-deps.ts';
import { cardActionInvokeName, handleCardInvoke } from './handlers/card-action-handler.ts';
import { handleInstallationUpdate, handleMembersAdded } from './handlers/install-handler.ts';
import { handleMessage } from './handlers/message-handler.ts';

/** Confer's routes on the Agents SDK application: install, uninstall, chat messages and card actions. */
export function createConferAgent(adapter: CloudAdapter, deps: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter });
  agent.onActivity(ActivityTypes.InstallationUpdate, (context) => handleInstallationUpdate(context, deps));
  agent.onConversationUpdate('membersAdded', (context) => handleMembersAdded(context, deps));
  agent.onActivity(ActivityTypes.Message, (context) => handleMessage(context, deps));
  // Every Action.Execute (any verb, malformed ones included) comes here, so each gets an answer.
  agent.addRoute(
    async (context: TurnContext) => isCardAction(context),
    (context) => handleCardInvoke(context, deps),
    true,
  );
  return agent;
}

function isCardAction(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === cardActionInvokeName;
}
