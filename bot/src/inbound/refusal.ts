/**
 * Why the bot endpoint refused an activity. 401: the request does not prove it comes from the Bot Connector
 * for this bot. 403: it does, but names a tenant, person or service URL this deployment does not serve.
 * 503: the signing keys could not be read, so nothing can be checked.
 */
export type BotRefusalCode =
  | 'bot_not_configured'
  | 'bot_token_missing'
  | 'bot_token_malformed'
  | 'bot_token_untrusted_issuer'
  | 'bot_token_invalid_signature'
  | 'bot_token_invalid_audience'
  | 'bot_token_expired'
  | 'bot_token_not_yet_valid'
  | 'bot_token_invalid'
  | 'bot_token_wrong_tenant'
  | 'bot_token_channel_not_endorsed'
  | 'bot_token_no_service_url'
  | 'bot_service_url_mismatch'
  | 'bot_service_url_not_allowed'
  | 'bot_tenant_missing'
  | 'bot_tenant_not_allowed'
  | 'bot_tenant_mismatch'
  | 'bot_user_not_in_tenant'
  | 'bot_keys_unavailable';

export interface BotRefusal {
  status: 401 | 403 | 503;
  code: BotRefusalCode;
  message: string;
}

export const unauthenticated = (code: BotRefusalCode, message: string): BotRefusal => ({ status: 401, code, message });

export const forbidden = (code: BotRefusalCode, message: string): BotRefusal => ({ status: 403, code, message });
