import { ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { BotDeps } from './bot-deps.ts';
import { cardActionInvokeName, handleCardInvoke } from './handlers/card-action-handler.ts';
import { handleInstallationUpdate, handleMembersAdded } from './handlers/install-handler.ts';
import { handleMessage } from './handlers/message-handler.ts';
import { runSignedIn } from './sign-in/sign-in-gate.ts';

/**
 * Confer's routes on the Agents SDK application: install, uninstall, chat messages and card actions; with sign-in
 * from chat, commands and clicks of someone not yet connected wait for the `signin/*` invokes, which
 * `runSignInInvoke` answers before the application runs (sign-in/sign-in-invokes.ts says why).
 */
export function createConferAgent(adapter: CloudAdapter, deps: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter });
  agent.onActivity(ActivityTypes.InstallationUpdate, (context) => handleInstallationUpdate(context, deps));
  agent.onConversationUpdate('membersAdded', (context) => handleMembersAdded(context, deps));
  agent.onActivity(ActivityTypes.Message, (context) => runSignedIn(context, deps, () => handleMessage(context, deps)));
  // Every Action.Execute (any verb, malformed ones included) comes here, so each gets an answer.
  agent.addRoute(
    async (context: TurnContext) => isCardAction(context),
    (context) => runSignedIn(context, deps, () => handleCardInvoke(context, deps)),
    true,
  );
  return agent;
}

function isCardAction(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === cardActionInvokeName;
}
