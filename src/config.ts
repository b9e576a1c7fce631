/**
 * Environment -> typed configuration. Fails fast, naming the variable and pointing to
 * .env.example, so a deployment never starts half-configured.
 */
import { z } from 'zod';
import { LANGS, type Lang } from './nlu/types';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './server/http-limits';

const LANG_VALUES = LANGS as unknown as [Lang, ...Lang[]];

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
  STORAGE_URL: z.string().min(1).default('sqlite:./data/thinkfirst.db'),
  DEFAULT_LANG: z.enum(LANG_VALUES).default('vi'),
  CONTENT_DIR: z.string().min(1).default('.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_ID_SALT: z.string().default(''),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(15_000),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  STATS_MIN_COUNT: z.coerce.number().int().min(1).default(5),
  MAX_TURNS_IN_FLIGHT: z.coerce.number().int().min(1).default(DEFAULT_HTTP_LIMITS.maxTurnsInFlight),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(DEFAULT_HTTP_LIMITS.maxConnections),
  HTTP_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(DEFAULT_HTTP_LIMITS.maxConnectionsPerClient),
  RATE_LIMIT_CLIENT_REQUESTS: z.coerce.number().int().min(0).default(DEFAULT_HTTP_LIMITS.clientRequestsPerMinute),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
});

/** Typed configuration of the bot process. */
export interface Config {
  nodeEnv: string;
  port: number;
  /** Interface to listen on: 127.0.0.1 in local mode whatever HOST says. */
  host: string;
  /** True when no MicrosoftAppId is set: Emulator mode, no authentication, loopback only. */
  localMode: boolean;
  auth: {
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppType: string;
    MicrosoftAppTenantId: string;
    ToBotFromChannelOpenIdMetadataUrl?: string;
  };
  storageUrl: string;
  defaultLang: Lang;
  contentDir: string;
  logLevel: string;
  logIdSalt: string;
  shutdownGraceMs: number;
  /** Bearer token of GET /admin/stats; undefined: the endpoint answers 404. */
  adminToken?: string;
  /** Statistics below this count show as "<N>". */
  statsMinCount: number;
  /** `--watch-content`: reload dialogs/ and locales/ on change (npm run dev). */
  watchContent: boolean;
  /** Timeouts, connection caps, turn admission and per-client rate of the HTTP server. */
  http: HttpLimits;
}

/** A configuration problem, worded for the person starting the bot. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['MicrosoftAppPassword', 'ADMIN_TOKEN', 'LOG_ID_SALT', 'STORAGE_URL']);

/**
 * Reads the configuration from environment variables (empty strings count as unset).
 * @throws ConfigError naming the variable when a value is invalid, or when
 *   NODE_ENV=production runs without MicrosoftAppId.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      // Show the value that was refused, except secrets (passwords, tokens, salts, URLs with credentials).
      const shown = SECRET_VARIABLES.has(name) ? '' : `=${JSON.stringify(cleaned[name] ?? '')}`;
      return `${name}${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}. See .env.example for the allowed values.`);
  }
  const e = parsed.data;
  const localMode = e.MicrosoftAppId === '';
  if (localMode && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'MicrosoftAppId is empty while NODE_ENV=production: refusing to start without Bot Framework authentication. ' +
        'Set MicrosoftAppId and MicrosoftAppPassword (see .env.example), or unset NODE_ENV for local Emulator mode.',
    );
  }
  if (!localMode && e.MicrosoftAppType !== 'UserAssignedMSI' && e.MicrosoftAppPassword === '') {
    throw new ConfigError('MicrosoftAppPassword is empty while MicrosoftAppId is set. Set both (see .env.example).');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: localMode ? '127.0.0.1' : e.HOST,
    localMode,
    auth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
      ...(e.ToBotFromChannelOpenIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl } : {}),
    },
    storageUrl: e.STORAGE_URL,
    defaultLang: e.DEFAULT_LANG,
    contentDir: e.CONTENT_DIR,
    logLevel: e.LOG_LEVEL,
    logIdSalt: e.LOG_ID_SALT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    statsMinCount: e.STATS_MIN_COUNT,
    watchContent: argv.includes('--watch-content'),
    http: {
      maxTurnsInFlight: e.MAX_TURNS_IN_FLIGHT,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      maxConnectionsPerClient: e.HTTP_MAX_CONNECTIONS_PER_CLIENT,
      clientRequestsPerMinute: e.RATE_LIMIT_CLIENT_REQUESTS,
      trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    },
  };
}
