import { describe, expect, it } from 'vitest';
import { fold, foldPlain, toNfc } from '../../src/kernel/normalise';

describe('toNfc', () => {
  it('composes decomposed Vietnamese', () => {
    const decomposed = 'Không được'.normalize('NFD');
    expect(decomposed).not.toBe('Không được');
    expect(toNfc(decomposed)).toBe('Không được');
  });
});

describe('fold', () => {
  it('matches a choice label typed without diacritics, in teencode or with noise', () => {
    const label = fold('Không');
    for (const typed of ['khong', 'KHÔNG', 'ko', 'Ko!!', ' kg ', 'Không'.normalize('NFD'), 'hok 😅']) {
      expect(fold(typed)).toBe(label);
    }
  });

  it('treats composed, decomposed and mixed Vietnamese the same', () => {
    const composed = 'Tôi bị giữ hộ chiếu ở Campuchia';
    const decomposed = composed.normalize('NFD');
    const mixed = composed.slice(0, 10) + composed.slice(10).normalize('NFD');
    expect(mixed).not.toBe(composed);
    expect(fold(decomposed)).toBe(fold(composed));
    expect(fold(mixed)).toBe(fold(composed));
    expect(fold(composed)).toBe('toi bi giu ho chieu o campuchia');
  });

  it('maps đ to d and ligatures to letters', () => {
    expect(fold('Đi làm được không')).toBe('di lam duoc khong');
    expect(fold('sœur')).toBe('soeur');
  });

  it('reads "j" as Vietnamese "gì" except before a French verb typed without the apostrophe', () => {
    expect(fold('lam j vay')).toBe('lam gi vay');
    expect(fold("j ai été enfermé là-bas")).toBe('j ai ete enferme la bas');
    expect(fold('j arrive demain')).toBe('j arrive demain');
  });

  it('expands unambiguous teencode and leaves ambiguous words alone', () => {
    expect(fold('e ko bik lm j dc')).toBe('e khong biet lam gi duoc');
    expect(fold('lương 1 tỷ')).toBe('luong 1 ty');
    expect(fold('ừ')).toBe('u');
  });

  it('expands relatives, French SMS and English chat abbreviations, and "a+"', () => {
    expect(fold('ck e bi giu, vk thi o nha')).toBe('chong e bi giu vo thi o nha');
    expect(fold('jsuis bloqué, qqn peut m’aider ? dsl')).toBe("je suis bloque quelqu'un peut m'aider desole");
    expect(fold('ppl say its legit cuz they pay rn')).toBe('people say its legit because they pay right now');
    expect(fold('allez a+ !')).toBe('allez a plus');
    // "chửi" (to insult) folds to "chui": it is not read as the French "chui" (je suis)
    expect(fold('bị chửi')).toBe('bi chui');
  });

  it('squeezes letters repeated three times or more, keeping real double letters', () => {
    expect(fold('cứuuuuu')).toBe('cuu');
    expect(fold('helloooo')).toBe('helloo');
    expect(fold('cuu toi')).toBe('cuu toi');
  });

  it('drops emoji and punctuation but keeps apostrophes inside words and digits', () => {
    expect(fold("On m'a pris mon passeport!!! 😭😭")).toBe("on m'a pris mon passeport");
    expect(fold('lương 1500$/tháng')).toBe('luong 1500 thang');
    expect(foldPlain("'quoted'")).toBe('quoted');
  });
});
