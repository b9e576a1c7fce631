import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channel/create-translator';
import { SYSTEM_KEYS, loadSystemTexts } from '../../src/channel/system-texts';
import { LANGS } from '../../src/kernel/lang';

describe('locales/*/system.json', () => {
  const system = loadSystemTexts(process.cwd());
  const translate = createTranslator({}, system);

  it.each(LANGS)('has every platform text in %s, non-empty and NFC', (lang) => {
    for (const key of SYSTEM_KEYS) {
      const text = translate(`system:${key}`, lang);
      expect(text, `${lang} system:${key}`).not.toBe(key);
      expect(text.length).toBeGreaterThan(0);
      expect(text.normalize('NFC')).toBe(text);
    }
  });

  it('uses the same variables in every language', () => {
    const variablesOf = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of SYSTEM_KEYS) {
      const [first, ...rest] = LANGS.map((lang) => variablesOf(translate(`system:${key}`, lang)));
      rest.forEach((vars) => expect(vars).toEqual(first));
    }
  });

  it('speaks each language in its own language', () => {
    expect(translate('system:apology', 'vi')).toMatch(/Xin lỗi/);
    expect(translate('system:apology', 'fr')).toMatch(/Désolé/);
    expect(translate('system:apology', 'en')).toMatch(/Sorry/);
  });
});
