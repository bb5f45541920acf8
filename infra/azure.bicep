// Confer on Azure (docs/deployment.md): the container image on a Linux App Service plan with two or more
// instances behind App Service's load balancer, PostgreSQL flexible server reached over a private network, the
// secrets in Key Vault (read by the app through Key Vault references with a managed identity), the Azure Bot with
// the Teams channel, a container registry, and Log Analytics for the logs. Deployed by `atk provision` (arm/deploy
// in teamsapp.yml) with infra/azure.parameters.json.

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name: lower-case letters and digits (e.g. confer + RESOURCE_SUFFIX).')
param resourceBaseName string

param location string = resourceGroup().location

// App Service.
@description('App Service plan size. Premium v3 keeps always-on, health checks, VNet integration and slots.')
param appServicePlanSku string = 'P1v3'

@minValue(2)
@description('Instances of the app behind the load balancer; they cooperate through the database.')
param instanceCount int = 2

@description('Tag of the confer image in the registry; empty until the first `atk deploy` pushes one.')
param containerImageTag string = ''

@description('Public host name bound to the web app (e.g. confer.contoso.com); empty: the azurewebsites.net name.')
param customDomain string = ''

// Confer's Entra app and the tenant it serves.
param aadAppClientId string
param aadAppTenantId string
param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'
param graphBaseUrl string = 'https://graph.microsoft.com'

@secure()
@description('Client secret of Confer\'s Entra app (SECRET_AAD_APP_CLIENT_SECRET).')
param aadAppClientSecret string

// The bot.
param botAadAppClientId string

@secure()
@description('Secret of the bot\'s Entra app (SECRET_BOT_PASSWORD).')
param botPassword string

@maxLength(42)
param botDisplayName string = 'Confer'

// Confer's own settings (README, Configuration).
@secure()
@description('AES-256 key of the per-user token cache: 32 random bytes, base64.')
param tokenCacheKey string

@allowed([
  'user'
  'tenant'
])
param connectionMode string = 'user'

@minValue(1)
@maxValue(60)
param expiryWarningDays int = 3

@description('Mailbox incident emails come from (needs Mail.Send); empty: bot cards only.')
param alertMailbox string = ''

@description('When the client secret expires (ISO 8601 instant); empty: no expiry alert.')
param clientSecretExpiresAt string = ''

@description('The Azure Bot OAuth connection people sign in from the chat with (docs/sign-in-from-chat.md); empty: off.')
param botOAuthConnectionName string = ''

@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

// PostgreSQL.
param postgresAdminLogin string = 'confer'

@secure()
@description('Password of the PostgreSQL administrator the app signs in as.')
param postgresAdminPassword string

param postgresVersion string = '16'
param postgresSkuName string = 'Standard_D2ds_v5'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'GeneralPurpose'

param postgresStorageSizeGB int = 32

@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundant'
])
@description('A standby server that takes over when the primary fails (ZoneRedundant needs a region with zones).')
param postgresHighAvailability string = 'Disabled'

param postgresBackupRetentionDays int = 14

@minValue(2)
@maxValue(200)
@description('Connections each instance keeps to PostgreSQL: instanceCount × this must stay under the server\'s max_connections.')
param databasePoolSize int = 10

@minValue(0)
@maxValue(120000)
@description('Milliseconds a stopping instance keeps serving after /api/ready fails. App Service stops routing to an instance it stops by itself, so 0; raise it behind a balancer that only learns from readiness.')
param shutdownDrainMs int = 0

@description('API requests each person may make per minute, counted across every instance.')
@minValue(10)
@maxValue(100000)
param rateLimitPerMinute int = 240

// Network.
param vnetAddressPrefix string = '10.40.0.0/16'
param appSubnetPrefix string = '10.40.1.0/24'
param databaseSubnetPrefix string = '10.40.2.0/24'

var port = '3978'
var databaseName = 'confer'
var imageRepository = 'confer'
var imageTag = empty(containerImageTag) ? 'latest' : containerImageTag
var webAppName = resourceBaseName
var keyVaultName = take('${resourceBaseName}-kv', 24)
var registryName = take(replace('${resourceBaseName}acr', '-', ''), 50)
var postgresServerName = '${resourceBaseName}-pg'
var publicHost = empty(customDomain) ? webApp.properties.defaultHostName : customDomain

// Built-in roles: Key Vault Secrets User reads secret values; AcrPull pulls images.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPullRole = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

// The app's identity: created before the web app, so its role assignments exist when the app first reads its
// Key Vault references and pulls its image.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${resourceBaseName}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: databaseSubnetPrefix
          delegations: [
            {
              name: 'postgres'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

// The database has no public endpoint: its name resolves to its private address inside the network only.
resource postgresDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${postgresServerName}.private.postgres.database.azure.com'
  location: 'global'
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresDns
  name: '${resourceBaseName}-vnet-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: postgresHighAvailability
    }
    network: {
      delegatedSubnetResourceId: vnet.properties.subnets[1].id
      privateDnsZoneArmResourceId: postgresDns.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [
    postgresDnsLink
  ]
}

// TLS is required (the server's default, made explicit so nobody turns it off by accident), TLS 1.2 at least.
resource postgresRequireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource postgresMinTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    postgresRequireTls
  ]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    postgresMinTls
  ]
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// One secret per value; the app settings name them without a version, so a new version is picked up on restart.
resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

resource tokenCacheKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'token-cache-key'
  properties: {
    value: tokenCacheKey
  }
}

// verify-full: TLS with the server's certificate checked against its name (the private DNS name is the same one).
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRole)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRole)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every instance can serve any request: state is in the database, not in an instance.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: vnet.properties.subnets[0].id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registry.properties.loginServer}/${imageRepository}:${imageTag}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      alwaysOn: true
      // Readiness: an instance whose database does not answer, or that is stopping, gets no requests.
      healthCheckPath: '/api/ready'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Only private addresses (the database) go through the network; Entra, Graph and the Bot Connector do not.
      vnetRouteAllEnabled: false
    }
  }
  dependsOn: [
    keyVaultSecretsUser
    registryPull
  ]
}

var keyVaultReference = '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName='

// Every setting Confer reads in production (api/src/config/config.ts), secrets as Key Vault references.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // App Service: the container's port, and no shared /home storage mounted into the container.
    WEBSITES_PORT: port
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
    NODE_ENV: 'production'
    HOST: '0.0.0.0'
    PORT: port
    LOG_LEVEL: logLevel
    AAD_APP_CLIENT_ID: aadAppClientId
    SECRET_AAD_APP_CLIENT_SECRET: '${keyVaultReference}aad-app-client-secret)'
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    TAB_ENDPOINT: 'https://${publicHost}'
    TAB_DOMAIN: publicHost
    GRAPH_BASE_URL: graphBaseUrl
    BOT_ID: botAadAppClientId
    SECRET_BOT_PASSWORD: '${keyVaultReference}bot-password)'
    CONFER_TOKEN_CACHE_KEY: '${keyVaultReference}token-cache-key)'
    CONFER_DATABASE_URL: '${keyVaultReference}database-url)'
    CONFER_DATABASE_POOL_SIZE: string(databasePoolSize)
    CONFER_SHUTDOWN_DRAIN_MS: string(shutdownDrainMs)
    CONFER_RATE_LIMIT_PER_MINUTE: string(rateLimitPerMinute)
    CONFER_CONNECTION_MODE: connectionMode
    CONFER_EXPIRY_WARNING_DAYS: string(expiryWarningDays)
    CONFER_ALERT_MAILBOX: alertMailbox
    CONFER_CLIENT_SECRET_EXPIRES_AT: clientSecretExpiresAt
    BOT_OAUTH_CONNECTION: botOAuthConnectionName
  }
  dependsOn: [
    clientSecret
    botSecret
    tokenCacheKeySecret
    databaseUrlSecret
    database
  ]
}

resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource postgresLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs'
  scope: postgres
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'PostgreSQLLogs'
        enabled: true
      }
    ]
  }
}

module azureBot './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botDisplayName: botDisplayName
    botServiceName: '${resourceBaseName}-bot'
    botAadAppClientId: botAadAppClientId
    botAppTenantId: aadAppTenantId
    botAppDomain: publicHost
  }
}

// Written to env/.env.{env} by arm/deploy: the toolkit's later steps (Entra app update, app package) and `deploy`.
output TAB_ENDPOINT string = 'https://${publicHost}'
output TAB_DOMAIN string = publicHost
output BOT_ENDPOINT string = 'https://${publicHost}'
output BOT_DOMAIN string = publicHost
output AZURE_WEB_APP_NAME string = webApp.name
output AZURE_WEB_APP_RESOURCE_ID string = webApp.id
output AZURE_CONTAINER_REGISTRY_NAME string = registry.name
output AZURE_CONTAINER_REGISTRY_LOGIN_SERVER string = registry.properties.loginServer
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_POSTGRES_SERVER_NAME string = postgres.name
