/** What configuration needs to know about the bot's trust without loading the bot itself. */
export { BOT_FRAMEWORK_ISSUER, BOT_FRAMEWORK_OPENID_METADATA_URL } from './inbound/bot-issuers.ts';
export {
  createServiceUrlPolicy,
  LOCAL_BOT_CONNECTOR_ORIGINS,
  MICROSOFT_BOT_CONNECTOR_ORIGINS,
  parseOriginPattern,
  type ServiceUrlPolicy,
} from './service-url-policy.ts';
