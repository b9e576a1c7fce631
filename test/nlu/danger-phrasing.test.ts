/**
 * Danger as people really write it: relatives reporting someone held ("ck e", "mon frère", "my
 * son"), French SMS spellings ("chui bloqué", "jpeux pas sortir"), money demanded for release, and
 * the everyday messages that only look alike (a request for other people's stories, an ad "piégée",
 * "help me with my homework"), which must not raise the alarm. The prior bias of `unknown` must
 * never turn a danger message into `unknown`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNluContent } from '../../src/nlu/create-recogniser';
import { buildLanguageTools } from '../../src/script/load-language';
import { DangerDetector } from '../../src/nlu/danger-detector';
import { fold } from '../../src/kernel/normalise';
import { LANGS } from '../../src/kernel/lang';
import type { Recogniser } from '../../src/nlu/types';

let nlu: Recogniser;
let unbiased: Recogniser;
let detector: DangerDetector;
const isDanger = (folded: string): boolean => detector.clearCategories(folded).length > 0;
const hasDangerCue = (folded: string): boolean => detector.hasCue(folded);
beforeAll(() => {
  const content = loadNluContent('dialogs/intents');
  nlu = buildLanguageTools(content, 'dialogs/scanner').recogniser;
  unbiased = buildLanguageTools(content, 'dialogs/scanner', { unknownBias: 0 }).recogniser;
  detector = new DangerDetector(content.danger, content.lexicons.places);
});

const DANGER = [
  // relatives and teencode
  'ck e sang myanmar giờ ko cho liên lạc', 'con tôi bị giữ bên campuchia, đòi 5000 đô mới thả', 'tụi nó ko cho nó về',
  'anh họ e nhắn về nói bị bỏ đói', 'e ko trốn được, có người canh', 'nếu trốn sẽ bị bán qua chỗ khác', 'phải trả 8000 đô mới được về',
  'bọn nó thu điện thoại hết rồi', 'e đang kẹt ở đây ko có cách nào về', 'họ bắt đền hợp đồng 10 nghìn đô mới cho về',
  // French SMS and relatives
  'chui bloqué ici', 'jsuis enfermée depuis 1 mois', 'jpeux pas sortir du bâtiment', 'ils ont vendu ma sœur à une autre boîte',
  'ils veulent pas le laisser rentrer', 'ils me gardent ici de force', 'je suis pris au piège', 'il faut payer 5000 dollars pour rentrer',
  // English relatives and slang
  'they wont let my cousin go home', 'now they wont let him come home', 'they lock us in at night', 'my nephew says they use tasers on people',
  'i have to pay 10k to go home or they sell me', 'i want to go home but they say i have to pay 4000 first',
  'e muốn về mà họ bắt trả 3000 đô', 'mon fils veut rentrer mais ils lui demandent de rembourser le billet', 'my uncle is stuck in a compound in laos', 'im being held against my will',
  // a story request that names the writer's own relative is a report
  'kể chuyện con tôi bị bán', 'my son is trapped, tell me stories of people who escaped',
  // a demand sent to the family: pay, or the person is sent on (round 7)
  'on a écrit à mon père : payez vite sinon elle sera envoyée ailleurs', 'they texted my aunt: pay now or she goes to another country',
  'ma tante a reçu une vidéo où son fils est frappé', 'my uncle got videos of my cousin being beaten',
  // round 8: blindfolded on the way, with and without diacritics
  'họ bịt mắt bọn em lúc chở đi, giờ hổng biết chỗ này là đâu', 'bi bit mat suot duong, k bit o dau luon',
  'ils nous ont bandé les yeux dans la voiture', 'on avait les yeux bandes pendant tout le trajet', 'they blindfolded us in the van, no clue where this is',
  // round 8: the phone checked, messages read over a shoulder or deleted at once
  'quản lý check điện thoại từng đứa mỗi đêm', 'quan ly check dt tung dua moi dem', 'điện thoại của em bị kiểm tra hoài', 'ko dc giu tin nhan, nhan xong la xoa het',
  "quelqu'un lit par-dessus mon épaule quand j'écris", 'ses messages sont lus par le chef', "elle m'a écrit aide et a tout effacé juste après", "elle m'a ecrit aide et a tout efface juste apres",
  'my sister can only text us im fine, nothing else', 'his messages are read by the boss', 'someone reads over her shoulder when she types', 'he deletes every text right after sending',
  // round 8: money asked of the family for a release, or the person is moved on
  'họ gọi bảo nhà em gửi 200 triệu thì mới thả nó', 'ko chuyen tien thi tui no chuyen con toi qua cty khac', 'mot nguoi goi bao con toi no cty 5000 do, phai tra thi moi cho ve',
  'ils exigent 3000 euros pour sa libération', 'ils exigent 3000 euros pour sa liberation', 'payez ou on la transfère dans une autre société',
  'mon frère ira en Birmanie si on paie pas', 'mon frere ira en birmanie si on paie pas', 'un homme a appelé, il dit que ma fille doit 4000 dollars à la société',
  'they want 3000 usd for her release', 'send money or they move him to another compound', 'she goes to cambodia unless we pay',
  'a man called, my son owes 5000 dollars to the company and we have to pay so he can come home',
  // round 8: watched or beaten told in the passive, leaving threatened with a bill for the family
  'on est surveillées nuit et jour par des gars du chef', 'on est surveillees nuit et jour', 'whoever refuses the quota gets beaten by the guards',
  'my cousin says people are beaten until they agree to work', 'si je rentre ma famille devra rembourser le contrat', 'if i quit they say my parents will have to pay 6000',
  'nếu em bỏ về thì gia đình phải đền hợp đồng', 'neu e nghi viec thi nha phai boi thuong 100tr',
  // round 9: the twins of its look-alikes stay danger
  'con tôi sang bên đó 2 tháng nay không liên lạc được', 'em bị lấy mất hộ chiếu rồi', 'bi thu het dien thoai',
  // round 10: made to watch a beating, or beaten for a missed quota
  'tụi nó ép cả nhóm đứng nhìn nó đánh anh kia', 'chung no danh may dua chua dat chi tieu', 'they forced all of us to watch them beat a guy',
  'he got beaten for not meeting his quota', "ils nous ont obligés à regarder frapper un collègue", 'il a été tabassé parce qu il a pas atteint ses objectifs',
];

const NOT_DANGER = [
  'kể chuyện người từng bị bán', 'e muon doc chuyen cua nhung nguoi da tung bi ban', 'tell me about someone who got trapped and escaped',
  "raconte moi l'histoire de quelqu'un qui a été séquestré", "comment savoir si une annonce d'emploi est piégée",
  // fees asked before leaving are a question about an offer, not debt bondage
  'je veux partir travailler au cambodge mais je dois payer 500 euros de frais', 'i want to go abroad but they want me to pay a fee',
  // round 8: a parcel held at customs (fake delivery SMS) is no person held
  'sms bao kien hang cua em bi giu tai hai quan doi dong thue', 'tin nhắn báo kiện hàng của em bị giữ tại hải quan', 'my package is stuck at customs, they want a fee by text',
  'mon colis est retenu à la douane depuis lundi',
  // round 8: back home, the passport still with them (support, not rescue); rescued already
  'i came back from myanmar last year but they never gave back my passport', 'anh em đã về nhà rồi nhưng bọn nó vẫn giữ hộ chiếu',
  'ma fille est rentrée du Laos mais ils ont gardé son passeport', 'em trai toi duoc giai cuu roi, gio nha can lam giay to gi',
  // round 8: a question about what is done to people there is no report
  'is it true people are beaten in those places?',
  // round 8: reading about other people who were sold or held
  'i want to hear about young men who were sold to another compound', 'je voudrais lire sur les jeunes qui ont été vendus', 'cho em đọc về những người từng bị bán qua cam',
  // round 9: the agency no longer answers (money paid), data or a fee taken, a parcel held at the post office, escape stories
  'trung tâm môi giới giờ không liên lạc được nữa, mất 20 triệu', 'e so bi lay thong tin ca nhan khi gui cccd', 'bị thu phí hồ sơ 5 triệu có đúng không',
  'bưu kiện của bạn bị giữ tại bưu cục, bấm link', 'has anyone really escaped from there', "quelqu'un a déjà réussi à s'enfuir de là-bas ?",
  'có ai từng thoát được khỏi mấy chỗ đó về kể không',
  // round 10: news requests, a broker's deposit, "is what people tell true"
  'có bài báo nào về vụ giải cứu ở Myanmar không', 'da dong tien coc cho ben moi gioi, hen thang sau bay, lay lai duoc ko',
  'em thấy trên tiktok người ta kể bị đánh, có thật không',
];

describe('danger phrasing', () => {
  it.each(DANGER)('"%s" is danger in every user language', (text) => {
    for (const lang of LANGS) expect(nlu.recognise(text, lang).intent).toBe('danger');
  });

  it.each(NOT_DANGER)('"%s" is not a danger report by rule', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it('a bare "help" asking for homework or a letter is no danger cue; fear still is', () => {
    expect(hasDangerCue(fold('help me with my homework'))).toBe(false);
    expect(hasDangerCue(fold("aide moi à écrire une lettre d'amour"))).toBe(false);
    expect(hasDangerCue(fold('help me with my homework, i am scared'))).toBe(true);
    expect(hasDangerCue(fold('help'))).toBe(true);
  });

  it('"bị lừa" (cheated) about an online order is no danger cue; cheated into going abroad still is', () => {
    expect(hasDangerCue(fold('đặt áo trên tiktok shop bị lừa, người bán chặn zalo luôn'))).toBe(false);
    expect(hasDangerCue(fold('mua dien thoai tren mang bi lua mat coc 1tr'))).toBe(false);
    expect(hasDangerCue(fold('e bị lừa sang bên này làm việc'))).toBe(true);
  });

  it('the unknown bias never turns what the unbiased model reads as danger into unknown', () => {
    // No rule matches these: only the classifier reads them as danger.
    const probes = ['they keep us there', 'mon fils pleure au téléphone depuis là-bas', 'anh họ e qua cam làm giờ nhắn về khổ lắm', 'bạn e kêu ở bên đó sợ lắm'];
    let checked = 0;
    for (const text of probes) {
      expect(isDanger(fold(text)), text).toBe(false);
      for (const lang of LANGS) {
        if (unbiased.recognise(text, lang).intent !== 'danger') continue;
        checked++;
        expect(nlu.recognise(text, lang).intent, text).toBe('danger');
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a situation imagined before leaving, a survivor back home, and threats told as conditions', () => {
  it.each([
    'nếu lỡ qua đó bị giữ thì nên có ám hiệu gì báo về nhà',
    'neu lo qua do bi giu thi nen co am hieu gi bao ve nha',
    'giả sử sang campuchia bị thu hộ chiếu thì phải làm sao',
    "si je pars au cambodge et qu'on me prend mon passeport, je fais quoi ?",
    "si qqn est coincé à l'étranger il doit appeler qui",
    'what if i go there and they take my passport, what should i do',
    'if my sister goes to cambodia and gets stuck who does she call',
  ])('does not take a question about what could happen for a report: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each([
    'mình về nước rồi nhưng ko có giấy tờ gì, có tổ chức nào hỗ trợ người bị lừa bán về ko',
    "je suis de retour au pays mais mon passeport est resté chez les patrons au laos, comment le refaire",
    'i escaped from the compound and now im home but my passport still with them, how to get a new one',
    'back home now, my passport is still with the company in myawaddy',
  ])('takes someone back home asking for support for support, not rescue: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each([
    'nếu không trả tiền thì bị bán qua chỗ khác', 'neu e tron thi bi danh', 'nếu em không đủ doanh số họ đánh em',
    'si je paie pas ils me revendent', 'if i dont pay they will sell me to another company', 'if i try to leave they beat me',
    'tulungan nyo ako nasa myawaddy ako', 'saklolo po, di kami makaalis',
    'họ dẫn bọn em đi đường tiểu ngạch ban đêm, giờ không biết ở đâu',
  ])('still finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it('does not take a recruiter proposing an illegal route for a report, and still asks about it as an offer', () => {
    const text = 'người quen rủ qua Cam làm văn phòng, nói không cần passport, đi đường tiểu ngạch cho nhanh, có được không';
    expect(isDanger(fold(text))).toBe(false);
    expect(nlu.recognise(text, 'vi').intent).toBe('check_offer');
  });
});

describe('round 13: forced scamming told by what the work is, threats for calling for help, and look-alikes', () => {
  it.each([
    'my job is make fake facebook profile and text old people for money, i came for data entry not this',
    'they make us create fake instagram accounts and chat with old men',
    "mon travail c'est de créer des faux profils pour arnaquer des gens",
    'tụi nó bắt em lập nick facebook ảo để lừa người ta',
    "le chef a dit que si quelqu'un appelle l'ambassade on va disparaître",
    'họ nói em nợ tiền vé máy bay với tiền ăn ở, làm mấy tháng chưa thấy lương, hỏi thì bảo còn nợ',
    'dette de 3000 sinon pas de retour',
    'someone texted my mum asking 5000 dollars or they will not release my cousin',
    'tita ko sa laos, bawal daw umuwi hanggang hindi bayad ang utang',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each([
    'my mother sold her gold and gave 3 lakh to the agent for my brother visa, now he says wait',
    'có sms nói bưu kiện của tôi bị giữ, đóng 30k để giao lại',
    "mon neveu part demain, on fait quoi s'il appelle plus ?",
    'my husband just came home from laos, he is quiet and angry, where can we get support',
    "mon ami vient de rentrer à Montréal, il a des dettes, vers qui se tourner",
  ])('does not raise the alarm for: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
    expect(nlu.recognise(text, 'en').danger).toBeUndefined();
  });
});

describe('round 14: phones searched and wiped, stuck without a preposition, the past and the family saying no', () => {
  it.each([
    'ils fouillent nos whatsapp chaque jour, je dois tout effacer',
    'the supervisor checks all our phones and deletes everything every night',
    'bloquée laos zone économique spéciale',
    'chui coincé cambodge aidez',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each([
    'em mới về nước sau 5 tháng bị giữ bên Campuchia, giờ làm lại giấy tờ ở đâu',
    'nhà em không cho đi nữa mà người môi giới không trả lại tiền cọc',
  ])('does not raise the alarm for: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
});

describe('round 15 (en): punishments, organs, sickness, missing people, someone answering from their phone, debts that grow, scripts', () => {
  it.each([
    'kinuryente nila yung kasama ko kasi kulang ang sales',
    'punishment is 300 squats if we miss the target',
    'they said they will take my kidney if my family cannot pay',
    'my sister has high fever but they still make her work 14 hours',
    'the manager refuse to bring him to hospital',
    "they collected my daughter's passport the first day",
    'they took my ID and broke my sim card',
    'someone replied from her number saying she is fine but that is not how she writes',
    'my cousin stopped answering two weeks ago, last location shwe kokko',
    'the boy from our room is missing since monday',
    'the debt keeps increasing, fine for toilet, fine for talking',
    'the boss said I was bought from the agent and must work to pay it back',
    'they want 5000 dollars from my parents to release me',
    'my job is to pretend to be a rich lady on dating apps and send crypto links',
    'guards at the gate day and night, cameras everywhere',
    'i write when the guards are sleeping',
    'save my brother please',
    'di ko alam kung nasaan kami ngayon',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each([
    'can anyone see what i write here',
    'she sent a selfie holding her ID to the recruiter, can they misuse it',
    "I escaped last year and I'm back in Kerala, how do I report the agent",
    'my family is still in debt from the ransom they paid last year, I am home now, any support for survivors',
    'what happens if the company does not let me come back? I have not travelled yet',
    'the contract says you must work 2 years to repay the training fee, is that normal',
    'does the office have cctv cameras',
    'the offer says fines for being late, is it legal',
  ])('does not raise the alarm for: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
});

describe('round 15 (fr): sexual coercion, sick and sent back to work, secret messages, no news there, a liberation to pay', () => {
  it.each([
    'le superviseur veut que je couche avec lui pour annuler ma dette',
    'elle a de la fièvre depuis une semaine et le chef dit de retourner bosser',
    'ça fait 3 mois que j’ai pas vu le soleil',
    'mon cousin répond plus depuis un mois, il était à Poipet',
    "si le chef voit mes messages c'est fini, j'efface après",
    'je vous écris caché dans les toilettes',
    'ils ont pri mon passeport a l aeroport',
    'on a payé 800 dollars pour que ma sœur soit libérée',
    'des soldats surveillent le bâtiment jour et nuit',
    'kk park',
    'tam giác vàng',
  ])('finds danger or asks the safety question in: %s', (text) => {
    const r = nlu.recognise(text, 'fr');
    expect(isDanger(fold(text)) || r.danger?.level === 'possible').toBe(true);
  });

  it.each([
    'je suis revenue de Birmanie en mai, j’étais enfermée dans un compound, je cherche un psy',
    "et si j'arrive là-bas et qu'ils gardent mon passeport, c'est légal ?",
    "je pars au Laos la semaine prochaine, imaginons qu'on m'enferme, je fais quoi",
    'un gars sur tinder, mon argent crypto est bloqué depuis 2 semaines',
    'déjà payé les frais, ils demandent encore 300 pour le billet, je continue ?',
  ])('does not raise the alarm for: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
});

describe('round 15 (vi): the gate, threats, girls sent out at night, wages never paid, roles and scripts, guessed borders', () => {
  it.each([
    'muốn ra cổng phải có giấy quản lý ký',
    'muon ra cong phai co giay quan ly ky',
    'chỗ này y như nhà tù',
    'tháng này không đủ chỉ tiêu thì biết tay',
    'nó bẻ gãy ngón tay thằng bạn cùng phòng',
    'mấy đứa con gái bị gọi đi ban đêm',
    'họ nói thân thể mày còn đáng tiền',
    'họ giữ hết giấy tờ rồi',
    'làm 4 tháng lương không thấy đồng nào',
    'lương âm luôn vì trừ tiền ăn tiền ngủ',
    'họ cho 5 ngày để gom tiền chuộc',
    'bị bắt đóng vai bác sĩ Mỹ để làm quen',
    'họ phát cho em 5 cái acc facebook với kịch bản',
    'ngoài cổng có lính gác',
    'chắc chỗ này gần biên giới Thái',
    'con không biết bao giờ mới về được',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each([
    'bạn giới thiệu về bản thân đi',
    'offer này cty giữ passport để làm work permit có sao không',
    'người yêu qua mạng dụ mình nạp tiền đầu tư coin',
    'hồi trước em bị kẹt bên Cam 6 tháng, giờ về quê rồi, muốn học nghề',
    'em trai tôi về nước rồi nhưng bị thương từ hồi ở bên đó, có chỗ nào chữa không',
    'lỡ qua bển bị giữ passport thì sao',
    'nếu tới nơi họ thu điện thoại thì có phải lừa không, em chưa đi, hỏi trước',
  ])('does not raise the alarm for: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
});

describe('round 15 blind set (fr, en): beaten with a stick, fake profiles, a missed target punished; a marketplace purchase', () => {
  it.each([
    "il dit que c'est le superviseur qui l'a frappé avec une barre de fer",
    'ma sœur a le dos couvert de bleus, elle dit rien',
    'they force us to text old men with fake model photos',
    'if we miss the target we get beaten',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it('a marketplace purchase gone wrong with "aidez-moi" is no danger cue', () => {
    const text = "j'ai payé une console sur leboncoin et le vendeur ne répond plus, aidez moi";
    expect(isDanger(fold(text))).toBe(false);
    expect(hasDangerCue(fold(text))).toBe(false);
  });
});

describe('round 19: "come fetch me" with a place where people are held', () => {
  it.each([
    'Kuya please come fetch me, Poipet',
    'pick us up from Sihanoukville pls',
    'anh ơi qua đón em về, em đang ở Bavet',
    'anh oi qua don em ve, em dang o Bavet',
    'Poipet, chị qua rước em với',
    'viens me récupérer à Poipet stp',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each(['mum come fetch me at the mall, class finished', 'anh qua đón em ở sân bay Tân Sơn Nhất nha'])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
});

describe('round 19: "bạn" (friend) folded like "bán" (sold), an investment scammer out of reach', () => {
  it.each([
    'bạn thân em bị người trong làng lừa 15 triệu hứa lo đi Hàn, giờ ổng trốn rồi',
    'ban than em bi nguoi trong lang lua 15 trieu hua lo di han, gio ong tron roi',
    'em bị bạn trai quen trên mạng dụ nạp tiền vào coin, giờ không liên lạc được',
    'em bi ban trai quen tren mang du nap tien vao coin, gio khong lien lac duoc',
  ])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each([
    'em bị bán qua công ty khác rồi',
    'em bi ban qua cong ty khac roi',
    'họ dọa bán nội tạng của em nếu không trả tiền',
    'ho doa ban than cua em neu ko tra du tien',
    'em trai tôi sang Cam làm, giờ không liên lạc được',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });
});

describe('round 19: stuck in a place where people are held, said in three words', () => {
  it.each(['mắc kẹt ở Myawaddy rồi', 'mac ket o myawaddy roi', 'kẹt tại Sihanoukville', 'ket tai sihanoukville'])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });
});

describe('round 20: more places where people are held, "take me home" and "đến rước em"', () => {
  it.each([
    'cứu em với em ở Tachileik', 'cuu e o tachileik', 'kẹt ở Koh Kong rồi', 'ket o koh kong roi',
    'help me im in Laukkai', 'stuck in kokang', 'aidez moi je suis à Laukkaing',
    'take me home im at bavet', 'Poipet. take me home pls', 'ai đến rước em ở Mộc Bài với', 'ai den ruoc e o moc bai voi',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each(['take me home after the party at the mall', 'anh đến rước em ở trường nha', 'lào cai mai có mưa ko'])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each(['still in myawaddy', 'vẫn ở Poipet', 'van o poipet', 'toujours à Bavet'])('a short "still at" a held place asks the safety question: %s', (text) => {
    expect(hasDangerCue(fold(text))).toBe(true);
  });

  it('"còn phim nào" (any other film) does not name a child of the writer', () => {
    const text = 'vừa xem phim về vụ bắt cóc người sang Cam ghê quá, còn phim nào tương tự ko';
    expect(isDanger(fold(text))).toBe(false);
    expect(isDanger(fold('kể em nghe phim về vụ bắt cóc, con em bị bắt cóc bên Cam rồi'))).toBe(true);
  });
});

describe('round 20: tricked into going there, "bạn em" (my friend), a fee lost at home, fear of an exam', () => {
  it.each([
    'em bị lừa sang cam', 'e bi lua qua cam roi', 'con tôi bị lừa sang campuchia', 'chị gái em bị lừa qua bên đó',
    'i was tricked to cambodia', 'my brother was lured to myanmar', 'mon frère a été piégé au Cambodge',
    'chúng nó dọa bán em qua chỗ khác', 'trước e bị nhốt ở cam, h nó đòi bán e',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });

  it.each([
    'bạn e từng bị nhốt ở Bavet, h về VN rùi mà mất hết giấy tờ, ai giúp làm lại dc ko',
    'tui bi dua qua bien gioi r tron ve dc, gio muon to cao thang moi gioi o que thi bao o dau',
    'tui bị lừa qua bển 6 tháng, về rồi mà công an mời lên làm việc, có ai hỗ trợ pháp lý ko',
    'Năm ngoái em bị lừa qua Myanmar, giờ về rồi mà giấy tờ mất hết',
  ])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each(['e bi lua mat tien coc truoc khi di, muon bao cong an thi bao o dau', 'mai thi dai hoc so qua'])('no safety question in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
    expect(hasDangerCue(fold(text))).toBe(false);
  });
});

describe('round 20: road traffic ("trafic") is no trafficking', () => {
  it('a traffic jam on the motorway is no danger', () => {
    expect(isDanger(fold('ya du trafic de malade sur la 40 chui bloqué depuis 1h'))).toBe(false);
  });
  it('"trafic d\'êtres humains" with a person stuck in Cambodia stays danger', () => {
    expect(isDanger(fold("trafic d'êtres humains, chui bloqué au cambodge"))).toBe(true);
  });
});

describe('round 20: a recruiter who no longer answers, fear of an exam', () => {
  it.each([
    'ma sœur a payé 200 euros pour une "formation" avant un job en Italie, le gars répond plus. elle est toujours à Paris tranquille, mais on veut récupérer l\'argent',
    'on dirait chui prisonnier de mes révisions',
  ])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
  it.each(["j'ai trop peur pour mon exam de demain", 'im scared for my exam tomorrow'])('no safety question in: %s', (text) => {
    expect(hasDangerCue(fold(text))).toBe(false);
  });
  it('a sister who no longer answers, held there, stays danger', () => {
    expect(isDanger(fold('ma sœur est partie au Cambodge, elle répond plus depuis une semaine'))).toBe(true);
  });
});

describe('round 20, look-alikes written to trip the detector (vi)', () => {
  it.each([
    'em gái mình đc giải cứu r, đang ở trung tâm bảo trợ xã hội, muốn hỏi bao lâu thì gia đình đón về đc',
    'ko phải hỏi cho mình đâu, tò mò thôi, mấy người ở trong đó bị đánh thì sao ra được vậy',
    'Tối qua lướt tiktok thấy clip người bị nhốt trong phòng ở campuchia, clip đó thật hay dựng vậy',
    'thấy trên fb share ảnh ng bị xăm mã số, bị đánh bầm dập, đó là ở đâu vậy',
    'Phim Hàn nào nói về bắt cóc người sang Campuchia vậy ta, nhớ mang máng tên tiếng Anh thôi',
    'mẹ e sợ e qua thái làm bị bán, e nên để lại thông tin gì ở nhà cho chắc',
    'nó bảo nó là kỹ sư ở Mỹ, yêu nhau 3 tháng rồi nhờ gửi tiền nhận quà, mình gửi 20tr rồi mất liên lạc',
    'kẹt xe ở hàng xanh 1 tiếng r, ai cứu tui',
    'tụi bây bắt cóc con mèo nhà tao đi đâu rồi',
    'bị giữ bằng lái ở chốt vì quên cà vẹt, mai lên lấy cần mang gì',
    'làm sao biết 1 lời mời làm việc là lừa để bị bán sang cam',
    'mấy đứa bị bán qua biên giới thường bị dụ qua app nào, để e dặn em gái',
    'mẹ giết tao mất, toán 3 điểm',
    'Tuần sau em bay sang Malaysia làm xưởng rồi, nhỡ sang đấy họ thu hộ chiếu của em thì em phải làm gì ạ, em cần chuẩn bị những gì trước khi đi',
    'có ai bị bán qua KK Park rồi thoát về dc ko, họ thoát kiểu chi',
    'hôm qua coi phim Thái có vụ bắt cóc con nít qua biên giới ghê quá, phim đó tên gì quên mất rồi',
  ])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });

  it.each([
    'em gái mình đang ở Poipet, bị đánh vì ko đủ chỉ tiêu',
    'con tôi gửi tiền về tháng trước, giờ mất liên lạc, nó ở bên Cam',
    'tối qua em trai tôi nhắn bị nhốt trong phòng ở campuchia',
    'anh trai e vẫn đang ở cam, bị đánh',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });
});

describe('round 20: locked out with the keys lost (fr)', () => {
  it('is no danger', () => {
    expect(isDanger(fold("je suis bloqué dehors j'ai perdu mes clés et mon coloc répond pas"))).toBe(false);
  });
  it('stuck outside a compound with no key named stays danger', () => {
    expect(isDanger(fold('je suis bloqué au cambodge, ils ont gardé mon passeport'))).toBe(true);
  });
});

describe('round 20: general questions and story requests (en)', () => {
  it.each(['did anyone here escape from myawaddy? share your story pls', 'how do people end up trapped in those scam centres, what are the signs'])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
  it.each(['guards with guns at every door, even toilet they follow you. how do people get out of these places', 'how did my brother end up trapped there, he is still in the compound'])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });
});

describe('round 20: a bare plea asks the safety question, and a "no" goes on to get help', () => {
  it.each([
    ['help me', 'en'], ['help me svp', 'fr'], ['someone help me pls', 'en'], ['aidez-moi s\'il vous plaît', 'fr'], ['aidez moi', 'fr'], ['giúp em với', 'vi'], ['giup minh voi', 'vi'],
  ] as const)('%s', (text, lang) => {
    const r = nlu.recognise(text, lang);
    expect(r.danger?.level).toBe('possible');
    expect(r.intent).toBe('get_help');
  });

  it.each([['help me with my cv', 'en'], ['giúp em viết cv với', 'vi'], ['aidez moi à écrire une lettre de motivation', 'fr'], ['i need the hotline number', 'en']] as const)('no safety question for a task or a number: %s', (text, lang) => {
    expect(nlu.recognise(text, lang).danger).toBeUndefined();
  });
});

describe('round 20, look-alikes written to trip the detector (fr, en)', () => {
  it.each([
    "ma petite a vu une vidéo de kidnapping sur tiktok et elle veut plus aller à l'école seule, comment je la rassure",
    'saw a tiktok where a pinoy guy says he was beaten for not reaching quota in laos. is that real or just for views',
    'if i go to dubai and my employer keeps my passport what should i do? im not leaving yet just want to be prepared po',
    'trapped in this meeting that could have been an email',
    'this exam go kill me o, i never read anything',
    'my teacher told us about filipinos sold to scam companies in cambodia. can u share some real cases for our report po',
    'are high salary and no experience needed always a red flag? my tita says thats how people end up locked in those buildings',
    'good day po, my husband is a returnee from myanmar scam hub. owwa said there is assistance but we dont know how to apply',
  ])('no danger by rule in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(false);
  });
  it.each([
    'my brother is locked in a building in myawaddy, they beat him when he does not reach quota',
    'im in laos, my employer keeps my passport and wont let me leave',
  ])('finds danger in: %s', (text) => {
    expect(isDanger(fold(text))).toBe(true);
  });
});
