export type { ChatConnections, ChatConnectOutcome } from './chat-connections.ts';
export type { PendingSignIn, PendingSignInStore } from './pending-sign-in-store.ts';
export type { SignInWording } from './sign-in-cards.ts';
export { PENDING_SIGN_IN_MS, type SignInDeps } from './sign-in-deps.ts';
export {
  createUserTokenService,
  type ExchangeResult,
  type SignInConversation,
  TokenServiceError,
  type UserTokenService,
} from './user-token-service.ts';
