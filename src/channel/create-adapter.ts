/** The Bot Framework adapter: CloudAdapter with the standard MicrosoftApp* configuration. */
import { AuthenticationConstants } from 'botframework-connector';
import {
  CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ShowTypingMiddleware,
  type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext,
} from 'botbuilder';
import type { Logger } from '../log/logger';
import { nameError } from '../log/logger';

/** Standard Bot Framework variables (an empty MicrosoftAppId disables authentication: Emulator mode). */
export interface AdapterAuth {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
  /** Overrides where channel signing keys come from (tests serve their own). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
}

/** Delay before a typing indicator is shown for a slow turn, then its repeat period (ms). */
export const TYPING_DELAY_MS = 700;
const TYPING_PERIOD_MS = 2_000;

/**
 * botbuilder treats the endpoint settings as all-or-nothing: once one is given (here the
 * OpenID metadata URL), the others must be given too, so the public-cloud values are filled in.
 */
function withPublicCloudDefaults(auth: AdapterAuth): Record<string, unknown> {
  if (!auth.ToBotFromChannelOpenIdMetadataUrl) return { ...auth };
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ...auth,
  };
}

/**
 * CloudAdapter whose activity entry point is public: the server validates and parses the
 * body itself (botbuilder's `process()` crashes on some bodies) and maps errors to fixed statuses.
 */
export class ChannelAdapter extends CloudAdapter {
  /** Authenticates `authHeader`, then runs `logic`; returns the invoke/expectReplies response. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Creates the CloudAdapter. Errors escaping a turn are logged by name only; users get
 * their apology from the turn processor, which never throws.
 */
export function createAdapter(auth: AdapterAuth, logger: Logger): ChannelAdapter {
  const options = withPublicCloudDefaults(auth) as unknown as ConfigurationBotFrameworkAuthenticationOptions;
  const adapter = new ChannelAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (_context, error) => {
    logger.error({ error: nameError(error) }, 'turn error outside the turn processor');
  };
  adapter.use(new ShowTypingMiddleware(TYPING_DELAY_MS, TYPING_PERIOD_MS));
  return adapter;
}
