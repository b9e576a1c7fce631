/**
 * Round 16: a message told as over (back home, escaped, last year), as a plan before leaving with an
 * "if", as a joke, or as money lost in another scam reports no danger, and gets no safety question;
 * the same words with something happening now ("vẫn còn", "toujours", "still", a threat) stay
 * danger. Everyday phrases that use a word of danger ("tapé dans l'œil", "vous êtes retenu",
 * "họ đảm bảo") are no danger either. Each case in the three languages, the
 * Vietnamese ones with and without diacritics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNluContent } from '../../src/nlu/create-recogniser';
import { buildLanguageTools } from '../../src/script/load-language';
import { fold } from '../../src/kernel/normalise';
import type { Lang } from '../../src/kernel/lang';
import type { Recogniser } from '../../src/nlu/types';

let nlu: Recogniser;
beforeAll(() => {
  nlu = buildLanguageTools(loadNluContent('dialogs/intents'), 'dialogs/scanner').recogniser;
});

/** A Vietnamese case as typed with diacritics and without them. */
const vietnamese = (text: string): [Lang, string][] => [text, fold(text)].map((t): [Lang, string] => ['vi', t]);

/** True when the bot treats the message as danger: the danger dialog or the safety question. */
const raisesAlarm = (text: string, lang: Lang): boolean => {
  const r = nlu.recognise(text, lang);
  return r.intent === 'danger' || r.danger !== undefined;
};

const NO_ALARM: [Lang, string][] = [
  // back home, told as over
  ...vietnamese('em mới được về nước tháng trước từ bên Cam, giờ đêm nào cũng mơ thấy bị đánh, có chỗ nào hỗ trợ tâm lý ko ạ'),
  ...vietnamese('hồi trước t bị giữ ở myawaddy 6 tháng, may thoát được. giờ muốn tố cáo con môi giới ở quê thì liên hệ ai'),
  ['fr', "J'ai été enfermé là bas l'année passée, je suis en Belgique maintenant. Je voudrais porter plainte contre le recruteur"],
  ['en', "They held me 5 months in Laos and took my passport, I'm back in Manila now po. Can I still report the agent?"],
  // a plan before leaving, with an "if"
  ...vietnamese('Tháng sau em đi Lào làm, lỡ bị nhốt lại thì nên làm gì trước tiên ạ'),
  ['fr', 'et si une fois là-bas ils me prennent mon passeport je fais quoi ?'],
  ['fr', 'ma fille part en thaïlande, on doit faire quoi si un jour elle répond plus au tel'],
  ['en', 'if i get locked in somewhere and cant call what should my family do'],
  ['fr', "j ai été enfermé au Cambodge il y a deux ans, je suis rentré, je veux porter plainte contre l'agence"],
  ['en', 'i got a job offer in phnom penh, what do i do if i land there and they take my passport'],
  ...vietnamese('trước khi đi em nên dặn gia đình gì, lỡ bị giữ lại bên đó thì sao'),
  // jokes
  ['vi', 'trong nhóm gia đình ông chú nhắn "thằng cu bị bắt cóc rồi, đòi chuộc 2 thùng bia" =))) cả nhà cười xỉu'],
  ['fr', "mdr tonton a écrit dans le groupe famille que si personne lui envoie de l'argent il va se faire kidnapper par sa femme 😂😂"],
  ['en', 'lmaooo my uncle in the family group said he will sell my brother to cambodia if he dont wash plates 😂😂'],
  // stories and films
  ...vietnamese('kể em nghe mấy vụ người bị giữ hộ chiếu rồi thoát ra được như nào đi'),
  ['fr', "vous avez des témoignages de gens qui ont été séquestrés dans ces centres d'arnaque ? je veux les montrer à mon petit frère"],
  ['en', 'any testimony from someone that got sold from one company to another? want to show my younger brother before he travels'],
  ['vi', 'co ai biet phim ve bat coc nguoi qua myanmar lam lua dao ten j ko, xem trailer thay hay'],
  ['en', 'is there a film about people kidnapped into scam companies? saw the trailer on tiktok'],
  ['en', 'can you share testimonies of Kenyans who were held in Myanmar, for our church youth group'],
  ['fr', 'et si jamais on m enferme là bas comment je préviens ma famille'],
  ['en', 'I escaped from a compound in Laos two years ago, now home in Accra, any NGO that helps returnees'],
  ['en', 'what should i do if i get locked in and cannot call anyone, going to cambodia next month for a hotel job'],
  ['fr', "raconte moi une histoire vraie de qqn qu on a séquestré au Myanmar"],
  ['en', 'if i get locked in the company what will i do po? leaving next month for thailand'],
  ...vietnamese('Tôi về nước rồi, trước bị giữ bên Lào 6 tháng, giờ còn nợ tiền vay để đi, có chỗ nào hỗ trợ không'),
  ['en', 'please share a testimony of someone who escaped from a compound, my school group wants to hear it'],
  ['fr', "j'ai été séquestrée 6 mois au Laos, c fini mtn jsuis chez moi, je veux porter plainte"],
  ['fr', 'mon compte facebook a été piraté aidez moi'],
  ['en', 'suppose i reach there and they dont let me leave, what should i prepare before travelling'],
  ['vi', 'ai biet ten phim ma nguoi ta bi bat coc qua cam lam lua dao hok, coi trailer hay qua'],
  // money lost in another scam
  ['en', 'someone added me to crypto trading group, i put 500 usd and now they say i must pay tax before withdrawal'],
  ['en', 'i ordered phone from instagram vendor and paid, now she blocked me, can u help me get my money back'],
  // everyday phrases
  ['fr', "Cette annonce m'a tapé dans l'œil : serveuse en Thaïlande, 1500$ par mois, c'est sérieux ?"],
  ['fr', 'Comment je vérifie une offre à l\'aide de votre appli ?'],
  ['fr', 'Je suis bloqué au niveau 4 du quiz, c\'est quoi la réponse ?'],
  ...vietnamese('bên đó họ đảm bảo 100% có việc, lương 1500 đô, có nên đi không'),
  // round 19: a recruiter's number blocked, a stranger met online, a film the writer watched
  ['fr', "j'ai donné mon passeport scanné à un agent, depuis hier son numéro est bloqué, il peut en faire quoi"],
  ['en', 'i sent my passport copy to the agent and now his number is blocked, what can he do with it'],
  ...vietnamese('em gửi ảnh hộ chiếu cho môi giới rồi giờ số của ổng bị chặn, ổng làm gì được với giấy tờ của em'),
  ['fr', "Un gars m'a présenté une femme sur Telegram qui m'a fait investir dans le bitcoin, j'ai perdu 2 millions, elle ne répond plus"],
  ['fr', "On a vu un documentaire sur des jeunes enfermés au Myanmar, vous avez des histoires de gens qui s'en sont sortis ?"],
  ['en', 'we watched a movie about people kidnapped to Myanmar, do you have real stories of people who got out?'],
  // round 19: a longer request for stories, a worry before leaving, locked out of home
  ...vietnamese('có ai từng trốn ra được từ mấy cái công ty bên Myanmar đó chưa, kể em nghe với'),
  ...vietnamese('nếu bên kia họ giữ hộ chiếu của tui luôn thì sao, tui nên làm gì trước khi qua'),
  ...vietnamese('con bị nhốt ngoài cổng rồi mẹ ơi, mấy giờ mẹ về'),
  ...vietnamese('bố mà biết con trốn học thì bố giết con'),
  ...vietnamese('hồi đó tui bị giữ bên Poipet 4 tháng, dìa nhà rồi mà giờ ko ai nhận vô làm, có chỗ nào hỗ trợ hông'),
  ...vietnamese('tối qua xem phim về mấy người bị bắt cóc qua Myanmar, phim đó tên gì vậy'),
];

const ALARM: [Lang, string][] = [
  // the same frames, with something happening now
  ...vietnamese('em mới về được 2 tuần nhưng em gái em vẫn còn bị nhốt bên Cam'),
  ['fr', "J'ai été enfermé là bas l'année passée, et mon cousin est toujours enfermé là-bas"],
  ['en', "I'm back in Manila now but my friend is still held in the compound"],
  ...vietnamese('họ nói nếu em không trả tiền thì bán em qua công ty khác, giờ em phải làm sao'),
  ['fr', 'ils disent que si je pars ma famille va payer'],
  ['en', 'sir company saying i must pay 4000 usd compensation before i leave if not they sell me to other company near border what to do'],
  // "mới được về": only then allowed home, not back home
  ...vietnamese('Con tôi nó nói bị bắt ký nợ 80 triệu tiền vé máy bay với ăn ở, trả hết mới được về nhà'),
  // "pas revenue": never came back
  ['fr', "ils ont pris une fille ce matin elle est pas revenue on dit qu elle a ete vendue a une autre boite"],
  // hurt and care refused; watched; silent for days
  ...vietnamese('chân e bị gãy mà họ ko cho đi viện, nói tự lo'),
  ['fr', 'jpeu pas parler ils regardent'],
  ['en', 'they take our phones tomorrow'],
  ['en', 'how do i get out'],
  ['fr', "ils disent que jdois rembourser le billet et le logement avant de partir, 6000 dollars, j'ai rien"],
  ...vietnamese('em gái tui qua Cam làm từ tháng 5, gọi mấy lần ko bắt máy nữa'),
  ...vietnamese('e k về đc'),
  ['fr', 'repond vite stp jai pas le temps, ce telephone c pas le mien'],
  ['en', 'answer fast pls this phone is not mine'],
  ...vietnamese('thằng Tùng bị giữ bên Cam, họ gửi hình nó bị đánh'),
  ...vietnamese('sếp cầm dùi cui điện đi kiểm tra từng bàn, ai ngủ gật là dí vào người'),
  ['fr', "je rigole plus, ça fait 3 semaines qu'on nous paie pas et la porte est fermée à clé la nuit"],
  ['fr', "ma sœur est au Laos, ils nous demandent 3000 dollars pour qu'on la libère, elle parle comme si quelqu'un lui dictait"],
  ...vietnamese('em đang ở khu KK gần Myawaddy, điện thoại bị thu rồi'),
  ['en', 'my cousin went for a hotel job in cambodia, nobody can reach him, his whatsapp last seen 12 days ago'],
  ['fr', 'mon frère est parti pour un boulot au Laos, il répond plus, vu pour la dernière fois il y a 10 jours'],
  ...vietnamese('em trai em qua Cam lam, goi ko bat may, fb hoat dong 8 ngay truoc'),
  ['en', 'the supervisor punish us stand in sun whole day and hit with pipe if we talk our language'],
  ['en', 'the boss keeps everyone\'s documents and nobody leaves the compound'],
  ['fr', "il m'a tapé avec un bâton parce que j'ai pas fait mon quota"],
  ...vietnamese('em bị đánh vì không đủ KPI'),
  // round 19: the same words about someone of the writer's
  ['fr', 'ma femme est partie bosser au Cambodge, elle ne répond plus depuis 2 semaines'],
  ['en', 'my wife went to work in cambodia and she is not answering for 2 weeks'],
  ...vietnamese('họ nhốt em trong phòng, khóa cửa ngoài, em ko ra được'),
  ...vietnamese('có ai cứu em với, em đang bị nhốt bên Myanmar chưa trốn ra được'),
];

describe('round 16: frames and everyday phrases', () => {
  it.each(NO_ALARM)('no alarm (%s): %s', (lang, text) => {
    expect(raisesAlarm(text, lang)).toBe(false);
  });

  it.each(ALARM)('danger or the safety question (%s): %s', (lang, text) => {
    expect(raisesAlarm(text, lang)).toBe(true);
  });
});
