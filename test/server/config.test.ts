import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('runs on embedded defaults: local mode on 127.0.0.1:3978, SQLite, Vietnamese', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ port: 3978, host: '127.0.0.1', localMode: true, storageUrl: 'sqlite:./data/thinkfirst.db', defaultLang: 'vi', watchContent: false });
  });

  it('ignores HOST in local mode and honours it with credentials', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, []).host).toBe('127.0.0.1');
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }, []);
    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080, localMode: false });
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
  });

  it('never repeats a refused secret in its message', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' }, [])).toThrow(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' }, [])).not.toThrow(/short-secret/);
  });

  it('treats empty strings as unset and reads --watch-content', () => {
    expect(loadConfig({ PORT: '', STORAGE_URL: '' }, ['node', 'index.ts', '--watch-content'])).toMatchObject({ port: 3978, storageUrl: 'sqlite:./data/thinkfirst.db', watchContent: true });
  });
});
