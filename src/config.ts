/**
 * Environment -> typed configuration, in one zod schema with one section per concern
 * (server, auth, content, storage, retention, redis, rateLimit, stats, log, handoff, http).
 * This file (and no other in src/) reads `process.env`; everything else receives its section.
 * Fails fast, naming the variable and pointing to .env.example, so a deployment never starts
 * half-configured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseSchedule } from './handoff/hours';
import { HANDOFF_MODES } from './handoff/types';
import { LANGS, type Lang } from './kernel/lang';
import { DEFAULT_HTTP_LIMITS } from './server/http-limits';

const LANG_VALUES = LANGS as unknown as [Lang, ...Lang[]];
const positiveInt = () => z.coerce.number().int().min(1);

/** The configuration schema; each leaf is filled from the variable named in {@link VARIABLES}. */
const configSchema = z.object({
  nodeEnv: z.string().default('development'),
  server: z.object({
    port: z.coerce.number().int().min(0).max(65535).default(3978),
    host: z.string().min(1).default('0.0.0.0'),
    shutdownGraceMs: z.coerce.number().int().min(0).default(15_000),
  }),
  auth: z.object({
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
  }),
  content: z.object({
    dir: z.string().min(1).default('.'),
    defaultLang: z.enum(LANG_VALUES).default('vi'),
  }),
  storage: z.object({
    url: z.string().min(1).default('sqlite:./data/thinkfirst.db'),
  }),
  retention: z.object({
    stateTtlDays: z.coerce.number().positive('must be a positive number of days').default(30),
  }),
  redis: z.object({
    keyPrefix: z.string().min(1).default('tf:'),
    commandTimeoutMs: positiveInt().default(1000),
    lockTtlMs: z.coerce.number().int().min(100).default(5000),
    lockWaitMs: positiveInt().default(10_000),
  }),
  rateLimit: z.object({
    messages: positiveInt().default(20),
    windowMs: positiveInt().default(60_000),
  }),
  stats: z.object({
    adminToken: z.string().min(16, 'must be at least 16 characters').optional(),
    minCount: positiveInt().default(5),
  }),
  log: z.object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `auto`: readable lines when stdout is a terminal, JSON lines otherwise; `json` or `pretty` to choose. */
    format: z.enum(['auto', 'json', 'pretty']).default('auto'),
    idSalt: z.string().default(''),
    idSecret: z.string().min(16, 'must be at least 16 characters').optional(),
  }),
  /** Talking to a person (docs/counsellor-guide.md). */
  handoff: z.object({
    /** `inbox` (built-in counsellor inbox), `protocol` (Bot Framework hand-off protocol) or `off`. */
    mode: z.enum(HANDOFF_MODES).default('inbox'),
    /** Waiting longer than this without a counsellor: the user gets the hotline numbers. */
    waitMs: z.coerce.number().int().min(0).default(600_000),
    /** Weekly schedule with a time zone (src/handoff/hours.ts); empty: always open. */
    hours: z.string().default('').superRefine((value, ctx) => {
      try {
        parseSchedule(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  }),
  /** Time-outs, connection caps, turn admission and per-client request rate (src/server/http-limits.ts). */
  http: z.object({
    maxTurnsInFlight: positiveInt().default(DEFAULT_HTTP_LIMITS.maxTurnsInFlight),
    headersTimeoutMs: z.coerce.number().int().min(1000).default(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
    requestTimeoutMs: z.coerce.number().int().min(1000).default(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
    keepAliveTimeoutMs: z.coerce.number().int().min(100).default(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
    maxConnections: positiveInt().default(DEFAULT_HTTP_LIMITS.maxConnections),
    maxConnectionsPerClient: z.coerce.number().int().min(0).default(DEFAULT_HTTP_LIMITS.maxConnectionsPerClient),
    clientRequestsPerMinute: z.coerce.number().int().min(0).default(DEFAULT_HTTP_LIMITS.clientRequestsPerMinute),
    trustProxy: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  }),
});

type Section = Exclude<keyof z.infer<typeof configSchema>, 'nodeEnv'>;

/** Environment variable -> [section, field] of the schema (or a top-level field). */
const VARIABLES: Record<string, [Section, string] | ['nodeEnv']> = {
  NODE_ENV: ['nodeEnv'],
  PORT: ['server', 'port'],
  HOST: ['server', 'host'],
  SHUTDOWN_GRACE_MS: ['server', 'shutdownGraceMs'],
  MicrosoftAppId: ['auth', 'MicrosoftAppId'],
  MicrosoftAppPassword: ['auth', 'MicrosoftAppPassword'],
  MicrosoftAppType: ['auth', 'MicrosoftAppType'],
  MicrosoftAppTenantId: ['auth', 'MicrosoftAppTenantId'],
  ToBotFromChannelOpenIdMetadataUrl: ['auth', 'ToBotFromChannelOpenIdMetadataUrl'],
  CONTENT_DIR: ['content', 'dir'],
  DEFAULT_LANG: ['content', 'defaultLang'],
  STORAGE_URL: ['storage', 'url'],
  STATE_TTL_DAYS: ['retention', 'stateTtlDays'],
  REDIS_KEY_PREFIX: ['redis', 'keyPrefix'],
  REDIS_COMMAND_TIMEOUT_MS: ['redis', 'commandTimeoutMs'],
  REDIS_LOCK_TTL_MS: ['redis', 'lockTtlMs'],
  REDIS_LOCK_WAIT_MS: ['redis', 'lockWaitMs'],
  RATE_LIMIT_MESSAGES: ['rateLimit', 'messages'],
  RATE_LIMIT_WINDOW_MS: ['rateLimit', 'windowMs'],
  ADMIN_TOKEN: ['stats', 'adminToken'],
  STATS_MIN_COUNT: ['stats', 'minCount'],
  LOG_LEVEL: ['log', 'level'],
  LOG_FORMAT: ['log', 'format'],
  LOG_ID_SALT: ['log', 'idSalt'],
  HANDOFF_MODE: ['handoff', 'mode'],
  HANDOFF_WAIT_MS: ['handoff', 'waitMs'],
  HANDOFF_HOURS: ['handoff', 'hours'],
  ID_SECRET: ['log', 'idSecret'],
  MAX_TURNS_IN_FLIGHT: ['http', 'maxTurnsInFlight'],
  HTTP_HEADERS_TIMEOUT_MS: ['http', 'headersTimeoutMs'],
  HTTP_REQUEST_TIMEOUT_MS: ['http', 'requestTimeoutMs'],
  HTTP_KEEP_ALIVE_TIMEOUT_MS: ['http', 'keepAliveTimeoutMs'],
  HTTP_MAX_CONNECTIONS: ['http', 'maxConnections'],
  HTTP_MAX_CONNECTIONS_PER_CLIENT: ['http', 'maxConnectionsPerClient'],
  RATE_LIMIT_CLIENT_REQUESTS: ['http', 'clientRequestsPerMinute'],
  TRUST_PROXY: ['http', 'trustProxy'],
};

const SECTIONS: Section[] = ['server', 'auth', 'content', 'storage', 'retention', 'redis', 'rateLimit', 'stats', 'log', 'handoff', 'http'];

/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['MicrosoftAppPassword', 'ADMIN_TOKEN', 'LOG_ID_SALT', 'ID_SECRET', 'STORAGE_URL']);

type Parsed = z.infer<typeof configSchema>;

/** Typed configuration of the bot process and of the CLIs. */
export interface Config extends Omit<Parsed, 'server' | 'retention'> {
  server: Parsed['server'] & {
    /** Interface actually listened on: 127.0.0.1 in local mode whatever HOST says. */
    host: string;
  };
  retention: Parsed['retention'] & {
    /** STATE_TTL_DAYS in milliseconds. */
    stateTtlMs: number;
  };
  /** True when no MicrosoftAppId is set: Emulator mode, no authentication, loopback only. */
  localMode: boolean;
  /** `--watch-content`: reload dialogs/ and locales/ on change (npm run dev). */
  watchContent: boolean;
}

/** A configuration problem, worded for the person starting the bot. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The environment the bot runs with: the variables of `.env` in `dir` (when the file exists)
 * overridden by the real environment, so a host's settings always win over the file.
 * @throws ConfigError naming the file when it cannot be read.
 */
export function readEnvironment(dir = process.cwd(), env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = resolve(dir, '.env');
  if (!existsSync(file)) return env;
  let fromFile: Record<string, string>;
  try {
    fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new ConfigError(`cannot read ${file} (${(error as Error).message}). Fix or delete it; .env.example shows the format.`);
  }
  const merged: NodeJS.ProcessEnv = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

/** The schema's input: one object per section, filled from the set (non-empty) variables. */
function toSchemaInput(env: NodeJS.ProcessEnv): { input: Record<string, unknown>; byPath: Map<string, string> } {
  const input: Record<string, Record<string, unknown> | unknown> = Object.fromEntries(SECTIONS.map((section) => [section, {}]));
  const byPath = new Map<string, string>();
  for (const [name, path] of Object.entries(VARIABLES)) {
    byPath.set(path.join('.'), name);
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (path.length === 1) input[path[0]] = value;
    else (input[path[0]] as Record<string, unknown>)[path[1]] = value;
  }
  return { input, byPath };
}

/**
 * Reads the configuration from environment variables (empty strings count as unset).
 * @param env the variables (default: `.env` overridden by the process environment).
 * @throws ConfigError naming the variable when a value is invalid, or when
 *   NODE_ENV=production runs without MicrosoftAppId.
 */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment(), argv: string[] = process.argv): Config {
  const { input, byPath } = toSchemaInput(env);
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = byPath.get(issue.path.join('.')) ?? issue.path.join('.');
      // Show the value that was refused, except secrets (passwords, tokens, salts, URLs with credentials).
      const shown = SECRET_VARIABLES.has(name) ? '' : `=${JSON.stringify(env[name] ?? '')}`;
      return `${name}${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}. See .env.example for the allowed values.`);
  }
  const c = parsed.data;
  const localMode = c.auth.MicrosoftAppId === '';
  if (localMode && c.nodeEnv === 'production') {
    throw new ConfigError(
      'MicrosoftAppId is empty while NODE_ENV=production: refusing to start without Bot Framework authentication. ' +
        'Set MicrosoftAppId and MicrosoftAppPassword (see .env.example), or unset NODE_ENV for local Emulator mode.',
    );
  }
  if (!localMode && c.auth.MicrosoftAppType !== 'UserAssignedMSI' && c.auth.MicrosoftAppPassword === '') {
    throw new ConfigError('MicrosoftAppPassword is empty while MicrosoftAppId is set. Set both (see .env.example).');
  }
  return {
    ...c,
    server: { ...c.server, host: localMode ? '127.0.0.1' : c.server.host },
    retention: { ...c.retention, stateTtlMs: Math.round(c.retention.stateTtlDays * 86_400_000) },
    localMode,
    watchContent: argv.includes('--watch-content'),
  };
}
