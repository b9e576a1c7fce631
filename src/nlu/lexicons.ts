/**
 * Small lexicons matched on folded text: short answers (yes / no / not sure), language names
 * and places. All entries are folded (lowercase, no diacritics, teencode already expanded).
 */
import type { Answer, Lang } from './types';

/** Whole-message answers. A message is an answer when, once folded, it is one of these (polite words aside). */
export const ANSWER_PHRASES: Readonly<Record<Answer, readonly string[]>> = {
  yes: [
    'co', 'u', 'uh', 'um', 'vang', 'da', 'da vang', 'da co', 'dung', 'dung roi', 'phai', 'roi', 'co roi', 'ok', 'dong y', 'chac chan', 'co a', 'co chu', 'uk', 'yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'of course', 'right', 'correct', 'i did', 'i have', 'true',
    'oui', 'ouais', 'ouai', 'si', 'bien sur', 'exact', 'exactement', 'd accord', 'dac', 'vrai', 'absolument', 'tout a fait', "d'accord",
  ],
  no: [
    'khong', 'khong co', 'khong phai', 'chua', 'chua co', 'khong a', 'da khong', 'khong dau', 'sai', 'no', 'n', 'nope', 'nah', 'not really', 'never', 'no i did not', 'i did not', "i didn't", 'false',
    'non', 'nan', 'pas du tout', 'jamais', 'non merci', 'faux', 'absolument pas',
  ],
  unsure: [
    'chua biet', 'khong biet', 'khong ro', 'khong chac', 'chua chac', 'co le', 'chac vay', 'khong nho', 'hong biet', 'ko biet', 'khong biet nua', 'chiu',
    'not sure', 'i m not sure', "i'm not sure", 'dont know', "don't know", 'i dont know', "i don't know", 'maybe', 'idk', 'no idea', 'perhaps', 'unsure', 'dunno',
    'pas sur', 'je sais pas', 'je ne sais pas', 'je sais pas trop', 'peut etre', 'aucune idee', 'pas certain', 'pas certaine', 'bof',
  ],
};

/**
 * Whole-message navigation words: "next", "more", "back" and the like are button labels, matched as
 * labels by the engine; as free text they name no intent of the catalogue (a training phrase wins:
 * "back" is a way to ask for the menu).
 */
export const NAVIGATION_PHRASES: ReadonlySet<string> = new Set([
  'next', 'next one', 'continue', 'go on', 'more', 'tell me more', 'show more', 'see more', 'previous', 'go back', 'back',
  'tiep', 'tiep theo', 'tiep di', 'tiep tuc', 'xem tiep', 'ke tiep', 'cau tiep', 'them', 'xem them', 'nua', 'quay lai', 'lui', 'lui lai', 'truoc', 'cau truoc',
  'suivant', 'suite', 'la suite', 'continuer', 'continue', 'plus', 'encore', 'en savoir plus', 'voir plus', 'retour', 'precedent', 'revenir',
]);

/** Words ignored around an answer ("oui merci", "da vang a"). */
export const ANSWER_FILLERS: ReadonlySet<string> = new Set(['a', 'ah', 'nhe', 'nha', 'ak', 'please', 'merci', 'thanks', 'ban', 'em', 'anh', 'chi', 'oi', 'thi', 'roi', 'nua', 'really', 'vraiment', 'je', 'i']);

/** Names of a language, as phrases that may appear anywhere in a message. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  vi: ['tieng viet', 'vietnamese', 'vietnamien', 'viet ngu', 'tieng vn'],
  fr: ['tieng phap', 'french', 'francais', 'francaise', 'phap ngu'],
  en: ['tieng anh', 'english', 'anglais', 'anh ngu', 'englsh', 'engligh'],
};

/** Canonical place id -> folded names and spellings (regular-expression sources, matched as whole words). */
export const PLACES: Readonly<Record<string, readonly string[]>> = {
  cambodia: ['cambodia', 'campuchia', 'cam pu chia', 'cambodge', 'cambod', 'cpc', 'kampuchea', 'khmer'],
  myanmar: ['myanmar', 'burma', 'mien dien', 'birmanie', 'myama', 'mianma'],
  laos: ['laos', 'lao(?! dong| cong)'],
  thailand: ['thailand', 'thai lan', 'thailan', 'thailande', '(?<=(?:sang|o|qua|ben|tai|di|in|to|en) )thai(?! do)'],
  vietnam: ['viet nam', 'vietnam', 'vn'],
  myawaddy: ['myawaddy', 'myawadi', 'miawadi', 'myawady'],
  sihanoukville: ['sihanoukville', 'sihanouk', 'xihanuc', 'shihanouk', 'kompong som', 'kampong som'],
  poipet: ['poipet', 'poi pet'],
  bavet: ['bavet', 'ba vet', 'moc bai'],
  phnom_penh: ['phnom penh', 'phnompenh', 'nam vang'],
  mae_sot: ['mae sot', 'maesot'],
  golden_triangle: ['golden triangle', 'tam giac vang', 'triangle d or', 'bokeo'],
  dubai: ['dubai'],
  philippines: ['philippines', 'philippin', 'manila'],
  malaysia: ['malaysia', 'malaisie', 'malaixia'],
};
