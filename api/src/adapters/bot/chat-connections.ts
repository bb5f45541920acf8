import type { ChatConnections } from '@confer/bot/sign-in';
import type { TokenValidator } from '../../ports/identity.ts';
import { chatSignInNeeded, connectFromChat } from '../../use-cases/connection/connect-from-chat.ts';
import type { ConnectionDeps } from '../../use-cases/connection/my-connection.ts';

/** The bot's sign-in from chat over the connection use cases; tokens are checked as the API checks the tab's. */
export function createChatConnections(deps: { connection: ConnectionDeps; tokens: TokenValidator }): ChatConnections {
  return {
    signInNeeded: (user) => chatSignInNeeded(deps.connection, user.tenantId, user.userId),
    async connectWithToken(user, token) {
      const result = await connectFromChat(deps.connection, (raw) => deps.tokens.validate(raw), user, token);
      if (result.ok) return result;
      // A token that does not validate is treated as another person's: nothing is connected with it.
      return { ok: false, reason: result.reason === 'invalid_token' ? 'wrong_person' : result.reason };
    },
  };
}
