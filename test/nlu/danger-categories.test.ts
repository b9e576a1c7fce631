/**
 * Every situation of forced labour and trafficking that the danger detector knows
 * (dialogs/nlu/danger.yaml) is recognised in Vietnamese, French and English, written with
 * diacritics, without them, and in chat spelling: the category is found, and the message is
 * `danger` whatever language the user had chosen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNluContent } from '../../src/nlu/create-recogniser';
import { buildLanguageTools } from '../../src/script/load-language';
import { DangerDetector } from '../../src/nlu/danger-detector';
import { fold } from '../../src/kernel/normalise';
import { LANGS, type Lang } from '../../src/kernel/lang';
import type { Recogniser } from '../../src/nlu/types';

/** One message per category and language, as a user would type it with diacritics. */
const CASES: Record<string, Record<Lang, string[]>> = {
  call_for_help: {
    vi: ['Cứu em với, em đang ở Campuchia', 'giúp em với Myawaddy'],
    fr: ['Au secours, je suis à Poipet', 'aidez-moi je suis au Cambodge'],
    en: ['help me Sihanoukville', 'please save me'],
  },
  confinement: {
    vi: ['Họ không cho em về nước', 'Bọn nó nhốt em trong phòng'],
    fr: ['Je suis enfermée dans un bâtiment', "On m'empêche de sortir"],
    en: ['They locked us in the building', 'We are not allowed outside'],
  },
  violence: {
    vi: ['Em bị đánh vì không đủ chỉ tiêu', 'Chúng nó đánh anh ấy'],
    fr: ['Ils nous frappent tous les jours', 'Ceux qui refusent sont tabassés'],
    en: ['They beat him', 'The guards electrocuted my friend'],
  },
  documents_phone: {
    vi: ['Họ giữ hộ chiếu của em rồi', 'Bọn nó thu hết điện thoại'],
    fr: ["Ils m'ont pris mon passeport", 'Ils ont confisqué mon téléphone'],
    en: ['They took my passport', "They won't give back my phone"],
  },
  debt_resale: {
    vi: ['Họ nói em phải trả 5000 đô mới cho về, không thì bán em sang công ty khác', 'Nếu bỏ trốn thì sẽ bị bán'],
    fr: ['Ils disent que je dois rembourser une dette avant de partir', 'Ils menacent de me revendre à une autre boîte'],
    en: ['I must repay 6000 dollars before I can go home', 'They threatened to sell me to another company'],
  },
  ransom: {
    vi: ['Họ đòi tiền chuộc con tôi', 'Họ bắt em gọi về nhà xin tiền'],
    fr: ['Ils demandent une rançon pour mon frère', 'Ils appellent ma famille pour réclamer de l’argent'],
    en: ['They want ransom for my son', 'They are calling my family asking for money'],
  },
  forced_scamming: {
    vi: ['Em bị ép lừa đảo người khác trên mạng', 'Họ bắt em làm việc 16 tiếng không lương'],
    fr: ['Ils me forcent à arnaquer des gens', 'On nous oblige à travailler toute la nuit'],
    en: ['I am being forced to scam people', 'They make us scam people online'],
  },
  watched: {
    vi: ['Có người canh gác suốt ngày đêm', 'Sếp kiểm tra điện thoại của em mỗi tối'],
    fr: ['Des hommes nous surveillent jour et nuit', 'Ils fouillent nos téléphones'],
    en: ['Men are watching us all the time', 'They check our phones every night'],
  },
  border_transport: {
    vi: ['Họ đưa em qua biên giới ban đêm', 'Bọn em đi xuyên rừng mấy tiếng'],
    fr: ['On a traversé la frontière la nuit à pied', 'Ils nous ont emmenés pendant des heures sans passeport'],
    en: ['We crossed the border at night', 'They took us through the jungle'],
  },
  lost_location: {
    vi: ['Em không biết mình đang ở đâu', 'Không biết đây là nước nào'],
    fr: ['Je ne sais pas où je suis', 'Je sais plus dans quel pays on est'],
    en: ["I don't know where I am", 'no idea where this is'],
  },
};

/** Chat spellings of some of the messages above (teencode, SMS French, no apostrophes). */
const CHAT: Record<string, string[]> = {
  call_for_help: ['cuu e vs e dang o cpc'],
  confinement: ['ho ko cho e ve nuoc', 'chui enfermee', 'they dont allow me to go home'],
  violence: ['e bi danh dap', 'chung no di dien vao nguoi e'],
  documents_phone: ['ho giu ho chieu cua e r', 'they took my passport n phone'],
  debt_resale: ['cty bat e tra het no moi cho ve', 'jdois rembourser une dette pour partir'],
  ransom: ['ho goi ve nha doi 10 nghin do moi tha'],
  forced_scamming: ['e bi ep lua dao', 'if we dont reach the target they hit us'],
  watched: ['co ng canh 24/24 ko ai dc ra'],
  border_transport: ['ho dua e di bang duong rung'],
  lost_location: ['e ko bit dang o dau', 'jsp ou je suis', 'dont know where i am'],
};

/** The same message as typed on a keyboard without Vietnamese or French accents. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd');
}

let nlu: Recogniser;
let detector: DangerDetector;
beforeAll(() => {
  const content = loadNluContent('dialogs/intents');
  nlu = buildLanguageTools(content, 'dialogs/scanner').recogniser;
  detector = new DangerDetector(content.danger, content.lexicons.places);
});

describe.each(Object.keys(CASES))('danger category %s', (category) => {
  const cases = CASES[category]!;
  it('has a rule in every language of the content', () => {
    expect(Object.keys(loadNluContent('dialogs/intents').danger.categories)).toContain(category);
  });

  for (const lang of LANGS) {
    it.each(cases[lang])(`${lang}: "%s" with and without diacritics`, (text) => {
      for (const variant of [text, withoutDiacritics(text), withoutDiacritics(text).toLowerCase()]) {
        expect(detector.clearCategories(fold(variant)), variant).toContain(category);
        for (const userLang of LANGS) expect(nlu.recognise(variant, userLang).intent, `${variant} (${userLang})`).toBe('danger');
      }
    });
  }

  it.each(CHAT[category] ?? [])('in chat spelling: "%s"', (text) => {
    expect(detector.clearCategories(fold(text)), text).toContain(category);
    expect(nlu.recognise(text, 'vi').intent).toBe('danger');
  });
});

describe('what only looks like danger', () => {
  it.each([
    'Bạn em vừa được giải cứu về, giờ cần hỗ trợ tâm lý thì liên hệ đâu',
    'I came back from Cambodia last month and need support',
    'Ma sœur est rentrée après avoir été libérée, qui peut l’aider ?',
    'Có ví dụ nào về người bị bán qua Myanmar không',
    'Did anyone escape from those places? Tell me',
    'Mon colis est bloqué à la douane',
    "Comment savoir si une annonce est piégée",
    'Help me write my resume',
    'Does anyone read my messages here?',
  ])('"%s" matches no danger category', (text) => {
    expect(detector.clearCategories(fold(text))).toEqual([]);
  });
});
