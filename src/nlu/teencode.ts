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
};
