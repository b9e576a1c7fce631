import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from '../../src/config';

describe('loadConfig', () => {
  it('runs on embedded defaults: local mode on 127.0.0.1:3978, SQLite, Vietnamese', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      server: { port: 3978, host: '127.0.0.1' },
      localMode: true,
      storage: { url: 'sqlite:./data/thinkfirst.db' },
      content: { defaultLang: 'vi' },
      watchContent: false,
    });
  });

  it('groups the variables in sections with their defaults', () => {
    const config = loadConfig({ STATE_TTL_DAYS: '2', REDIS_KEY_PREFIX: 'x:', RATE_LIMIT_MESSAGES: '6', STATS_MIN_COUNT: '3', LOG_LEVEL: 'debug' }, []);
    expect(config.retention).toEqual({ stateTtlDays: 2, stateTtlMs: 2 * 86_400_000 });
    expect(config.redis).toEqual({ keyPrefix: 'x:', commandTimeoutMs: 1000, lockTtlMs: 5000, lockWaitMs: 10_000 });
    expect(config.rateLimit).toEqual({ messages: 6, windowMs: 60_000 });
    expect(config.stats.minCount).toBe(3);
    expect(config.log.level).toBe('debug');
  });

  it('ignores HOST in local mode and honours it with credentials', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, []).server.host).toBe('127.0.0.1');
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }, []);
    expect(config).toMatchObject({ server: { host: '0.0.0.0', port: 8080 }, localMode: false });
  });

  it('refuses production without MicrosoftAppId, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' }, [])).toThrow(/MicrosoftAppId/);
  });

  it('refuses an app id without password', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app' }, [])).toThrow(/MicrosoftAppPassword/);
  });

  it('names the variable of an invalid value and points to .env.example', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, [])).toThrow(/PORT="eighty".*\.env\.example/);
    expect(() => loadConfig({ DEFAULT_LANG: 'de' }, [])).toThrow(/DEFAULT_LANG/);
    expect(() => loadConfig({ MicrosoftAppType: 'Whatever' }, [])).toThrow(/MicrosoftAppType/);
    expect(() => loadConfig({ STATE_TTL_DAYS: '-1' }, [])).toThrow(/STATE_TTL_DAYS="-1"/);
    expect(() => loadConfig({ REDIS_LOCK_TTL_MS: '5' }, [])).toThrow(/REDIS_LOCK_TTL_MS="5"/);
    expect(() => loadConfig({ RATE_LIMIT_MESSAGES: '0' }, [])).toThrow(/RATE_LIMIT_MESSAGES/);
    expect(() => loadConfig({ STATS_MIN_COUNT: '1.5' }, [])).toThrow(/STATS_MIN_COUNT/);
  });

  it('never repeats a refused secret in its message', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' }, [])).toThrow(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' }, [])).not.toThrow(/short-secret/);
  });

  it('treats empty strings as unset and reads --watch-content', () => {
    expect(loadConfig({ PORT: '', STORAGE_URL: '' }, ['node', 'index.ts', '--watch-content'])).toMatchObject({
      server: { port: 3978 },
      storage: { url: 'sqlite:./data/thinkfirst.db' },
      watchContent: true,
    });
  });
});

describe('readEnvironment (.env)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .env, and the real environment wins over it', () => {
    writeFileSync(join(dir, '.env'), '# settings\nPORT=4010\nDEFAULT_LANG=fr\nLOG_LEVEL="warn"\n');
    const config = loadConfig(readEnvironment(dir, { DEFAULT_LANG: 'en' }), []);
    expect(config.server.port).toBe(4010);
    expect(config.log.level).toBe('warn');
    expect(config.content.defaultLang).toBe('en');
  });

  it('uses the environment alone when there is no .env', () => {
    const empty = mkdtempSync(join(dir, 'none-'));
    expect(readEnvironment(empty, { PORT: '5000' })).toEqual({ PORT: '5000' });
  });
});
