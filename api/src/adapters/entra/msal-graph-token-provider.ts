import { AuthError, ConfidentialClientApplication, type INetworkModule, LogLevel } from '@azure/msal-node';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';

export interface MsalGraphTokenProviderOptions {
  clientId: string;
  clientSecret: string;
  authority: string;
  /** Host of the authority (e.g. `localhost:8443`); listed as known so MSAL needs no instance discovery call. */
  authorityHost: string;
  graphResource: string;
  networkClient: INetworkModule;
  logger: Logger;
}

/**
 * Graph tokens through the real MSAL: On-Behalf-Of for the per-user mode and client credentials for the
 * tenant-wide mode. Same code for Entra and devtenant; only the authority differs.
 */
export function createMsalGraphTokenProvider(options: MsalGraphTokenProviderOptions): GraphTokenProvider {
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: options.authority,
      knownAuthorities: [options.authorityHost],
    },
    system: {
      networkClient: options.networkClient,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => options.logger.debug('msal', { msal: message }),
      },
    },
  });
  const qualify = (scope: string) => (scope.includes('://') ? scope : `${options.graphResource}/${scope}`);

  return {
    async forUser(identity, scopes) {
      try {
        const result = await msal.acquireTokenOnBehalfOf({
          oboAssertion: identity.rawToken,
          scopes: scopes.map(qualify),
        });
        if (!result?.accessToken) throw new AppError('graph_error', 'The authority returned no Graph token.');
        return result.accessToken;
      } catch (error) {
        throw toAppError(error);
      }
    },
    async forApp() {
      try {
        const result = await msal.acquireTokenByClientCredential({ scopes: [`${options.graphResource}/.default`] });
        if (!result?.accessToken) throw new AppError('graph_error', 'The authority returned no Graph token.');
        return result.accessToken;
      } catch (error) {
        throw toAppError(error);
      }
    },
  };
}

/** Entra's answers (teams-platform §3): missing consent → invalid_grant with AADSTS65001; MFA etc. → interaction_required. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) {
    const text = `${error.errorCode} ${error.subError} ${error.errorMessage}`;
    if (/AADSTS65001|consent_required/i.test(text)) {
      return new AppError('consent_required', 'Confer needs your consent to read your calendar.', { cause: error });
    }
    if (/AADSTS700082|AADSTS50173|AADSTS700084|token.*(expired|revoked)/i.test(text)) {
      return new AppError('connection_expired', 'Your calendar connection has expired. Sign in again.', {
        cause: error,
      });
    }
    if (/interaction_required|AADSTS50076|AADSTS50079|AADSTS53003/i.test(text)) {
      return new AppError('interaction_required', 'Sign in again to continue (your organisation requires it).', {
        cause: error,
      });
    }
    if (/network|ECONN|timed? ?out|fetch/i.test(text)) {
      return new AppError('authority_unavailable', 'The sign-in service could not be reached.', { cause: error });
    }
    return new AppError('graph_error', `The sign-in service refused the request (${error.errorCode}).`, {
      cause: error,
    });
  }
  return new AppError('authority_unavailable', 'The sign-in service could not be reached.', { cause: error });
}
