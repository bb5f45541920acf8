export {
  type BotOAuthConnection,
  DEFAULT_BOT_CONNECTION_NAME,
  defaultConnections,
  ENTRA_PROVIDER_ID,
  TOKEN_SERVICE_REDIRECT_PATH,
  withTokenServiceRedirect,
} from './connections.ts';
export { createTokenServiceControl } from './token-service-control.ts';
export { createTokenServiceRoutes, type TokenServiceDeps } from './token-service-routes.ts';
export { createTokenServiceState, type TokenServiceState } from './token-service-state.ts';
