/**
 * Unambiguous Vietnamese chat abbreviations ("teencode") and spelling variants, expanded by `fold`.
 * Keys and values are folded tokens (lowercase, no diacritics). Only tokens that mean one thing
 * in all three languages are listed: "k" (also "ok" / "thousand") and "v" ("và" / "vậy") are not.
 */
export const TEENCODE: Readonly<Record<string, string>> = {
  ko: 'khong', kg: 'khong', khg: 'khong', kh: 'khong', hok: 'khong', k0: 'khong', hem: 'khong',
  dc: 'duoc', dk: 'duoc', dcj: 'duoc',
  j: 'gi', ji: 'gi',
  mk: 'minh', mik: 'minh', mjk: 'minh',
  bn: 'ban', bjo: 'bay gio', bh: 'bay gio', bgio: 'bay gio',
  ntn: 'nhu the nao', sdt: 'so dien thoai', cty: 'cong ty', ctv: 'cong tac vien',
  bjt: 'biet', bik: 'biet', nhiu: 'nhieu', wa: 'qua', lm: 'lam', ns: 'noi',
  trc: 'truoc', ng: 'nguoi', ngta: 'nguoi ta', cx: 'cung', cg: 'cung', ik: 'di',
  oke: 'ok', okie: 'ok', oki: 'ok', okay: 'ok', okk: 'ok', okey: 'ok',
  thx: 'thanks', tks: 'thanks', thks: 'thanks', thank: 'thanks',
  pls: 'please', plz: 'please',
  slt: 'salut', bjr: 'bonjour', bsr: 'bonsoir', jsp: 'je sais pas', chuis: 'je suis',
  ur: 'your',
  // vi: husband / wife, today, everyone, "đang", "vậy" / "vui" spelled with z
  ck: 'chong', vk: 'vo', hnay: 'hom nay', hqua: 'hom qua', mn: 'moi nguoi', mng: 'moi nguoi', nv: 'nhan vien',
  dag: 'dang', zay: 'vay', dzay: 'vay', zui: 'vui', dzui: 'vui', bnhieu: 'bao nhieu', kbt: 'khong biet',
  // fr SMS: "jsuis", "jveux", "jpeux", "qqn", "dsl", "bcp", "koi" ("chui" is not here: it is Vietnamese "chửi")
  jsuis: 'je suis', jsui: 'je suis', jveux: 'je veux', jpeux: 'je peux', jsais: 'je sais', chais: 'je sais', jcomprends: 'je comprends',
  qqn: "quelqu'un", qq1: "quelqu'un", qqch: 'quelque chose', dsl: 'desole', bcp: 'beaucoup', tjr: 'toujours', tjrs: 'toujours',
  mtn: 'maintenant', koi: 'quoi', kwa: 'quoi', pq: 'pourquoi', tkt: "t'inquiete",
  // en chat: people, because, right now, message(s), about, got to go, thank you so much
  ppl: 'people', cuz: 'because', coz: 'because', rn: 'right now', msg: 'message', msgs: 'messages', abt: 'about',
  gtg: 'got to go', tysm: 'thank you so much', gf: 'girlfriend', bf: 'boyfriend', wat: 'what',
};

/**
 * Words written without their apostrophe ("im", "dont", "jai", "cest"), split into the tokens the
 * tokenizer makes of the spelled-out form ("i'm" -> "i m"), so both spellings share features.
 * Applied to intent words only (see features.ts), not to `fold`.
 */
export const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  im: ['i', 'm'], ive: ['i', 've'], dont: ['don', 't'], cant: ['can', 't'], wont: ['won', 't'], didnt: ['didn', 't'],
  doesnt: ['doesn', 't'], isnt: ['isn', 't'], arent: ['aren', 't'], wasnt: ['wasn', 't'], whats: ['what', 's'], thats: ['that', 's'],
  theres: ['there', 's'], youre: ['you', 're'], theyre: ['they', 're'], lets: ['let', 's'], hows: ['how', 's'], wheres: ['where', 's'],
  jai: ['j', 'ai'], cest: ['c', 'est'], quest: ['qu', 'est'], jpense: ['je', 'pense'], jcrois: ['je', 'crois'],
  jme: ['je', 'me'], jte: ['je', 'te'], jdois: ['je', 'dois'], jvais: ['je', 'vais'],
};

/**
 * Vietnamese first-person pronouns ("tôi", "em", "mình", "tui"...): which one a writer uses depends
 * on who they think they talk to, not on what they want, so the classifier sees one token for all.
 * Applied to intent words only (see features.ts), not to `fold`.
 */
export const FIRST_PERSON: Readonly<Record<string, string>> = { toi: 'toi', tui: 'toi', minh: 'toi', e: 'toi', em: 'toi', tao: 'toi' };
