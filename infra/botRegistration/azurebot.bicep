// The Azure Bot registration: the bot's Entra app (single-tenant, like Confer's own app) pointed at the app
// server's /api/messages, with the Microsoft Teams channel on. The bot's secret stays in Key Vault: the Bot
// Service needs only the app id and tenant.

@maxLength(42)
@description('Display name of the bot in the Azure portal.')
param botDisplayName string

@description('Name of the Azure Bot resource.')
param botServiceName string

@description('Pricing tier: F0 is free for the Microsoft Teams channel, which is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Application (client) id of the bot\'s Entra app (BOT_ID).')
param botAadAppClientId string

@description('Tenant of the bot\'s Entra app: the one tenant Confer serves.')
param botAppTenantId string

@description('Public host name of the app server, without scheme (TAB_DOMAIN).')
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botAppTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output botServiceName string = botService.name
