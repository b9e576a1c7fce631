import { beforeAll, describe, expect, it } from 'vitest';

import type { Recogniser } from '../../src/nlu/types';
import { loadRecogniser } from '../../src/script/load-language';

let nlu: Recogniser;
beforeAll(() => {
  nlu = loadRecogniser('dialogs/intents');
});

describe('Vietnamese normal forms', () => {
  it('routes composed, decomposed and mixed input identically', () => {
    const composed = 'Có người mời em sang Campuchia làm việc lương cao, có nên đi không?';
    const decomposed = composed.normalize('NFD');
    const half = composed.length / 2;
    const mixed = composed.slice(0, half) + composed.slice(half).normalize('NFD');
    expect(mixed).not.toBe(composed);
    const a = nlu.recognise(composed, 'vi');
    for (const variant of [decomposed, mixed]) {
      const b = nlu.recognise(variant, 'en');
      expect(b).toEqual(nlu.recognise(composed, 'en'));
      expect(b.text).toBe(composed);
    }
    expect(a.intent).toBe('check_offer');
    expect(a.entities.places).toContain('cambodia');
  });
});

describe('language', () => {
  it('keeps the user language when the message is too short to tell', () => {
    for (const text of ['ok', 'hello', 'bye', 'stop', 'thanks', '👍', 'sos']) {
      for (const userLang of ['vi', 'fr', 'en'] as const) {
        const r = nlu.recognise(text, userLang);
        expect(r.langConfident, text).toBe(false);
        expect(r.lang, text).toBe(userLang);
      }
    }
  });

  it('keeps the user language for nonsense made of words never seen', () => {
    // Not 'xkcd': one letter from 'xkld' (xuất khẩu lao động), a word the bot knows.
    for (const text of ['qqq zzz', 'asdf qwer', 'zvbq blorp']) {
      for (const userLang of ['vi', 'fr', 'en'] as const) {
        expect(nlu.recognise(text, userLang), text).toMatchObject({ lang: userLang, langConfident: false });
      }
    }
  });

  it('switches when the message is clearly in another language, even without diacritics', () => {
    expect(nlu.recognise('lam viec o campuchia luong cao co that khong', 'en')).toMatchObject({ lang: 'vi', langConfident: true });
    expect(nlu.recognise('je ne comprends pas, vous pouvez repeter', 'vi')).toMatchObject({ lang: 'fr', langConfident: true });
    expect(nlu.recognise('i do not understand what you mean', 'fr')).toMatchObject({ lang: 'en', langConfident: true });
  });
});

describe('danger is never missed', () => {
  const cases = [
    'help me I\'m trapped', 'they took my passport', 'cuu toi', 'bi giam', 'cứu tôi với', 'bị đánh', 'em bị nhốt ở sihanoukville',
    "on m'a pris mon passeport", 'je suis enfermé', 'je suis enferme ici', 'ils ont garde mes papiers', 'i cant leave the compound',
    'ho ko cho em ve', 'my brother is trapped in myawaddy', 'bi ep lam viec ko luong', 'toi bi ban sang campuchia',
    // third person singular of the verb (missed before: 'beats us' fell to unknown)
    'my boss beats us every day', 'the guard hits me',
    // threats, relatives reporting, release against money, forced work, lost contact
    'họ dọa giết em nếu em báo công an', 'con toi mat lien lac tu khi sang campuchia', 'ho bat em phai tra 3000 do moi tha',
    "ils m'obligent à arnaquer des gens", 'venez nous chercher svp', 'ma cousine etait enfermee dans un casino',
    'they wont give back my passport', 'they threatened to kill my family', 'my wife is in danger in myawaddy',
    'my boss keeps my papers', 'the employer refuses to return my passport', 'mon patron garde mes papiers',
    "l'employeur refuse de rendre mes papiers", 'on me rend pas mes papiers',
  ];
  it.each(cases)('%s', (text) => {
    for (const userLang of ['vi', 'fr', 'en'] as const) {
      expect(nlu.recognise(text, userLang).intent).toBe('danger');
    }
  });
});

describe('long pasted ads', () => {
  it('a 3,000-character ad gets check_offer with a finite, non-zero score', () => {
    const block = 'TUYỂN GẤP nhân viên chăm sóc khách hàng làm việc tại Sihanoukville, Campuchia. Lương cứng 1500 USD + thưởng, bao ăn ở, bao vé máy bay, hỗ trợ làm visa. Không cần kinh nghiệm, không cần bằng cấp. Liên hệ Zalo hoặc Telegram ngay. ';
    let ad = '';
    while (ad.length < 3000) ad += block;
    ad = ad.slice(0, 3000);
    const r = nlu.recognise(ad, 'vi');
    expect(r.intent).toBe('check_offer');
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('a long English ad also comes out as check_offer', () => {
    const ad = 'We are hiring! Customer support staff for an international company in Bangkok, Thailand. Salary 1800 USD per month plus bonus. Free accommodation, free flight ticket, visa provided. No experience needed, basic typing only. Age 20-35. Contact HR on Telegram or WhatsApp to apply today, limited positions. '.repeat(4);
    expect(nlu.recognise(ad, 'en').intent).toBe('check_offer');
  });
});

  it('a long message telling a fee already paid for an offer is already_paid, not an ad to scan', () => {
    const told = [
      ['vi', 'tuần trước em đã chuyển 12 triệu phí làm hồ sơ và gửi ảnh hộ chiếu cho bên tuyển dụng đi Thái lương 1500 đô, giờ họ đòi thêm tiền, em vẫn ở nhà, em phải làm sao'],
      ['fr', "J'ai déjà versé 300 euros de frais de dossier et envoyé mon passeport scanné à un recruteur pour un poste en Malaisie payé 1500 dollars. Il me redemande de l'argent, je suis toujours chez moi, je fais quoi ?"],
      ['en', 'I already sent 400 dollars processing fee and a photo of my passport to a recruiter for a job in Malaysia paying 1500 dollars, now he asks for more money. I am still at home, what should I do?'],
    ] as const;
    for (const [lang, text] of told) expect(nlu.recognise(text, lang).intent, text).toBe('already_paid');
  });

describe('answers and entities', () => {
  it.each([
    ['có', 'yes'], ['co', 'yes'], ['ừ', 'yes'], ['ok', 'yes'], ['oui', 'yes'], ['yes', 'yes'], ['Yes!', 'yes'],
    ['ko', 'no'], ['khong', 'no'], ['Không ạ', 'no'], ['non', 'no'], ['no', 'no'], ['chưa', 'no'],
    ['chua biet', 'unsure'], ['pas sûr', 'unsure'], ['not sure', 'unsure'], ['ko biết', 'unsure'], ["i don't know", 'unsure'],
  ] as const)('%s is %s', (text, answer) => {
    expect(nlu.recognise(text, 'vi').answer).toBe(answer);
  });

  it('a sentence is not a short answer', () => {
    expect(nlu.recognise('có người mời em đi campuchia', 'vi').answer).toBeUndefined();
  });

  it.each([
    ['nói tiếng anh đi', 'en'], ['in english please', 'en'], ['parle anglais', 'en'], ['tieng viet', 'vi'], ['en vietnamien svp', 'vi'],
    ['speak vietnamese', 'vi'], ['français svp', 'fr'], ['doi sang tieng phap', 'fr'],
  ] as const)('"%s" asks for %s', (text, lang) => {
    const r = nlu.recognise(text, 'vi');
    expect(r.intent).toBe('change_language');
    expect(r.entities.language).toBe(lang);
  });

  it('finds countries and border towns in every spelling', () => {
    const r = nlu.recognise('ho bao sang Thái Lan roi qua Myawaddy, sau do ve Cambodge hoac Lào', 'vi');
    expect(r.entities.places).toEqual(expect.arrayContaining(['thailand', 'myawaddy', 'cambodia', 'laos']));
    expect(nlu.recognise('di xuat khau lao dong', 'vi').entities.places).not.toContain('laos');
    expect(nlu.recognise('burma, miến điện, poipet, bavet, sihanoukville', 'en').entities.places)
      .toEqual(expect.arrayContaining(['myanmar', 'poipet', 'bavet', 'sihanoukville']));
  });
});

describe('out of scope', () => {
  it('off-topic messages are unknown, empty or emoji-only messages too', () => {
    expect(nlu.recognise('what is the weather in hanoi tomorrow', 'en').intent).toBe('unknown');
    expect(nlu.recognise('gia vang hom nay bao nhieu', 'vi').intent).toBe('unknown');
    expect(nlu.recognise('😂😂', 'vi')).toMatchObject({ intent: 'unknown', score: 0 });
  });
});

describe('recognitions kept for catalogue words', () => {
  it('reuses the recognition of an answer or a training phrase, frozen, and keeps no other text', () => {
    for (const text of ['yes', 'not sure', 'menu', 'ko']) {
      const first = nlu.recognise(text, 'en');
      expect(nlu.recognise(text, 'en')).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(Object.isFrozen(first.entities)).toBe(true);
    }
    // A message of the user's own (it may be personal) is recognised afresh every time.
    const own = 'my name is Canary Nguyen and the agent took my passport in Phnom Penh';
    const a = nlu.recognise(own, 'en');
    const b = nlu.recognise(own, 'en');
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    expect(a.intent).toBe('danger');
  });

  it('keeps one recognition per user language', () => {
    expect(nlu.recognise('ok', 'vi')).not.toBe(nlu.recognise('ok', 'fr'));
  });
});
