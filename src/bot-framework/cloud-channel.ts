/**
 * The Bot Framework channel of `POST /api/messages`: CloudAdapter with the standard
 * MicrosoftApp* configuration, the typing indicator, and the mapping of its errors to HTTP
 * statuses. One of the few files that import the SDK (see src/bot-framework/README.md).
 */
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { botbuilder, connector } from './sdk';
import type { BotLogic, ChannelEndpoint, InboundActivity } from '../channel/types';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';
import { withCachedClients } from './connector-cache';
import { createProactiveSender } from './proactive-sender';
import { runsBotLogic } from './turn-io';
import { createTypingIndicator } from './typing-indicator';

/** Standard Bot Framework variables (an empty MicrosoftAppId disables authentication: Emulator mode). */
export interface AdapterAuth {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
  /** Overrides where channel signing keys come from (tests serve their own). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
}


/**
 * botbuilder treats the endpoint settings as all-or-nothing: once one is given (here the
 * OpenID metadata URL), the others must be given too, so the public-cloud values are filled in.
 */
function withPublicCloudDefaults(auth: AdapterAuth): Record<string, unknown> {
  if (!auth.ToBotFromChannelOpenIdMetadataUrl) return { ...auth };
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: connector.AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: connector.AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: connector.AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: connector.AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: connector.AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: botbuilder.CallerIdConstants.PublicAzureChannel,
    ...auth,
  };
}

/**
 * CloudAdapter whose activity entry point is public: the server validates and parses the
 * body itself (botbuilder's `process()` crashes on some bodies) and maps errors to fixed statuses.
 */
class ChannelAdapter extends botbuilder.CloudAdapter {
  runActivity(authHeader: string, activity: Activity, logic: ReturnType<typeof runsBotLogic>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** HTTP status for an error thrown while authenticating or processing an activity. */
function statusOfError(error: unknown): number {
  if (error instanceof connector.AuthenticationError) return error.statusCode ?? 401;
  const name = error instanceof Error ? error.name : '';
  // botbuilder rethrows jsonwebtoken's errors (bad signature, not yet valid) as they are.
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') return 401;
  return 500;
}

/**
 * Creates the authenticated channel running `logic`. Errors escaping a turn are logged by
 * name only; users get their apology from the turn processor, which never throws.
 */
export function createCloudChannel(auth: AdapterAuth, logger: Logger, logic: BotLogic): ChannelEndpoint {
  const options = withPublicCloudDefaults(auth) as unknown as ConfigurationBotFrameworkAuthenticationOptions;
  const adapter = new ChannelAdapter(withCachedClients(new botbuilder.ConfigurationBotFrameworkAuthentication(options)));
  adapter.onTurnError = async (_context, error) => {
    logger.error({ error: nameError(error) }, 'turn error outside the turn processor');
  };
  adapter.use(createTypingIndicator());
  const run = runsBotLogic(logic);
  return {
    async handle(authHeader: string, activity: InboundActivity) {
      const invoke = await adapter.runActivity(authHeader, activity as unknown as Activity, run);
      return invoke ? { status: invoke.status, body: invoke.body } : undefined;
    },
    statusOf: statusOfError,
    sendProactive: createProactiveSender(adapter, auth.MicrosoftAppId),
  };
}
