/**
 * Environment -> typed configuration. Fails fast, naming the variable and pointing to
 * .env.example, so a deployment never starts half-configured.
 */
import { z } from 'zod';
import { parseSchedule } from './handoff/hours';
import { HANDOFF_MODES, type HandoffMode } from './handoff/types';
import { LANGS, type Lang } from './nlu/types';

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
  STATE_TTL_DAYS: z.coerce.number().positive().default(30),
  HANDOFF_MODE: z.enum(HANDOFF_MODES).default('inbox'),
  HANDOFF_WAIT_MS: z.coerce.number().int().min(0).default(600_000),
  HANDOFF_HOURS: z.string().default('').superRefine((value, ctx) => {
    try {
      parseSchedule(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
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
  /** Personal state (hand-off messages included) is kept this many days after its last write. */
  stateTtlDays: number;
  /** Talking to a person (docs/counsellor-guide.md). */
  handoff: {
    /** `inbox` (built-in counsellor inbox), `protocol` (Bot Framework hand-off protocol) or `off`. */
    mode: HandoffMode;
    /** Waiting longer than this without a counsellor: the user gets the hotline numbers. */
    waitMs: number;
    /** Weekly schedule with a time zone (src/handoff/hours.ts); empty: always open. */
    hours: string;
  };
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
    stateTtlDays: e.STATE_TTL_DAYS,
    handoff: { mode: e.HANDOFF_MODE, waitMs: e.HANDOFF_WAIT_MS, hours: e.HANDOFF_HOURS },
  };
}
