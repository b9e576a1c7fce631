import { describe, expect, it } from 'vitest';
import { getAds, getScanner, stripDiacritics } from './helpers';

describe('scanner: diacritics and case do not matter', () => {
  const ads = getAds().filter((a) => a.lang !== 'en');

  it('finds the same flags and risk in an ad typed without diacritics', () => {
    for (const ad of ads) {
      const plain = stripDiacritics(ad.text);
      const a = getScanner().scan(ad.text, ad.lang);
      const b = getScanner().scan(plain, ad.lang);
      expect(b.flags.map((f) => f.id), `line ${ad.line}`).toEqual(a.flags.map((f) => f.id));
      expect(b.risk, `line ${ad.line}`).toBe(a.risk);
      for (const f of b.flags) expect(plain.slice(f.start, f.end)).toBe(f.evidence);
    }
  });

  it('finds the same flags in an ad written in capitals', () => {
    for (const ad of ads) {
      const a = getScanner().scan(ad.text, ad.lang);
      const b = getScanner().scan(ad.text.toUpperCase(), ad.lang);
      expect(b.flags.map((f) => f.id), `line ${ad.line}`).toEqual(a.flags.map((f) => f.id));
    }
  });

  it('maps evidence back into decomposed (NFD) input, marks included', () => {
    const text = 'Tuyển gấp CSKH tại Campuchia, lương 30 triệu, không cần kinh nghiệm, bao vé máy bay.';
    const nfd = text.normalize('NFD');
    const a = getScanner().scan(text, 'vi');
    const b = getScanner().scan(nfd, 'vi');
    expect(b.flags.map((f) => f.id)).toEqual(a.flags.map((f) => f.id));
    for (const f of b.flags) {
      expect(nfd.slice(f.start, f.end)).toBe(f.evidence);
      expect(f.evidence.normalize('NFC')).toBe(a.flags.find((x) => x.id === f.id)?.evidence);
    }
  });

  it('maps evidence after emoji and squeezed line breaks', () => {
    const text = '🔥🔥 TUYỂN GẤP 🔥\n\n\n   Lương 1500$   /tháng 💰, không cần kinh nghiệm\r\nInbox   Zalo 09xx xxx xxx';
    const r = getScanner().scan(text, 'vi');
    const byId = Object.fromEntries(r.flags.map((f) => [f.id, f.evidence]));
    expect(byId.urgency).toBe('TUYỂN GẤP');
    expect(byId.chat_contact).toBe('Inbox');
    expect(byId.high_pay).toBe('1500$   /tháng');
    for (const f of r.flags) expect(text.slice(f.start, f.end)).toBe(f.evidence);
  });
});
