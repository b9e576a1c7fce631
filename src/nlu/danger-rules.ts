/**
 * Rule layer for danger: someone trapped, confined, beaten, sold, or whose passport was taken.
 * Matched on folded text (no diacritics, teencode expanded), in vi, fr and en. A strong match makes
 * the message `danger` whatever the classifier says; a weak cue makes it `danger` instead of `unknown`.
 */

/** Patterns that, found anywhere in a folded message, mean danger. */
const STRONG: readonly string[] = [
  // vi
  'cuu (toi|em|tui|minh|con|chau|anh|chi|voi|tao|ban toi|gia dinh|nguoi)', 'cuu mang', 'keu cuu', 'giai cuu', 'sos',
  'bi (nhot|giam|giu|danh|dap|ban|bat coc|bat giu|khoa trai|de doa|tra tan|ep|cam tu|chich dien|xiet no|lua ban|canh gac|tich thu|thu|lay|cuop)',
  '(giu|thu|lay|tich thu|cam|giat) (mat|luon|het) (ho chieu|passport|giay to|dien thoai)',
  '(giu|thu|lay|tich thu|giat) (ho chieu|passport|giay to|dien thoai) (cua )?(toi|em|tui|minh|con|chau|anh|chi|ban toi|chung toi)',
  'ho chieu bi', 'khong cho (ve|ra|ra ngoai|di|roi|lien lac|ve nuoc)', 'khong (the|duoc) (ve|thoat|tron|ra ngoai|roi khoi)',
  'khong thoat (ra )?duoc', 'khong (tron|thoat|ve|ra) (ra |ve |di |khoi )?duoc', 'tien chuoc', 'doi chuoc', 'chuoc (nguoi|ve|ra)', 'tron (ra|thoat|khoi)', 'mac ket', 'nhot (toi|em|chung toi|minh)',
  // threats, shocks, guards, release against money, lost contact, escape (any person: relatives report too)
  '(doa|de doa|hau doa) (giet|danh|ban|chat|tra thu)', 'chich dien', 'dien giat', 'canh gac', 'bao ve co (sung|dao)',
  '(moi|thi moi) (tha|cho ve|cho ra)', 'tha (em|toi|con|chau|nguoi|ra|ve)', 'mat lien lac', 'khong lien lac (duoc|nua)',
  'thoat (khoi|ra khoi|ra) (day|do|noi nay|cong ty|khu|dac khu)', 'dang (gap )?nguy hiem',
  '(giu|nhot|bat|khoa) (em|toi|tui|minh|con|chau|chung toi|chung em) (lai|o|trong)', '(danh|dap|tra tan) (em|toi|tui|chung toi|chung em)',
  'ep (em|toi|tui|minh|chung toi|chung em) (lam|lua|di|phai)',
  // fr
  'au secours', "a l'aide", 'a l aide', 'sauvez (moi|nous)', 'enferme', 'sequestre', 'kidnapp', 'enleve',
  '(suis|sommes|est|sont|reste|restes) (retenu|retenue|retenus|prisonnier|prisonniere|prisonniers|piege|piegee|pieges|coince|coincee|coinces|bloque|bloquee|bloques)',
  "(on m'a|on m a|on ma|ils m'ont|ils m ont|ils mont|ils ont|m'ont|m ont|mont|on nous a) (pris|confisque|garde|vole|pique) (mon |mes |nos |notre )?(passeport|papiers|telephone)",
  'passeport (confisque|pris|garde|retenu)', "(m'ont|me|nous|l'ont|les|on m'a|on l'a|ete) (frappe|frappee|battu|battue|tabasse|torture)",
  'ils (me|nous|le|la) (frappent|battent|tabassent|torturent|menacent)', '(frappent|battent|tabassent|torturent)',
  "je (ne )?peux (pas|plus) (partir|sortir|rentrer|m enfuir|m'enfuir|quitter|m'echapper|m echapper)", 'rancon', 'vendu a', 'vendue a', 'revendu',
  'on me force', "(m'enfuir|m enfuir|m'echapper|m echapper)", 'force a (arnaquer|travailler)', 'forcee a (arnaquer|travailler)',
  '(etait|etaient|etes|serait) (retenu|retenue|retenus|prisonnier|prisonniere|prisonniers|piege|piegee|pieges|coince|coincee|coinces|bloque|bloquee|bloques|enferme|enfermee|sequestre|sequestree)',
  '(ne )?(peux|peut|pouvons|peuvent|pouvez) (pas|plus) (partir|sortir|rentrer|s enfuir|quitter|s echapper)', '(me|nous|le|la|les) tuer', 'menac\\w* de mort',
  "(garde|gardent|a garde|ont garde|retient|retiennent|confisque|confisquent) (mon |mes |nos |notre |son |ses |leurs )?(passeport|passeports|papiers|pieces d'identite|pieces d identite)",
  "(refuse|refusent|a refuse|ont refuse) de (me |nous |lui |leur )?rendre (mon |mes |nos |notre |son |ses )?(passeport|passeports|papiers|telephone)",
  '(me|nous|lui|leur) (rend|rendent) (pas|plus|jamais) (mon |mes |nos |notre |son |ses )?(passeport|passeports|papiers|telephone)',
  'gardes? armes?', "(m'obligent|m obligent|nous obligent|me forcent|nous forcent|m'oblige|m oblige)", '(me|nous|le|la|les) (retient|retiennent)', '(venez|viens|venir) (me|nous|la|le) (chercher|sauver|liberer)', '(suis|sommes|est|sont) en danger', 'liberer (mon|ma|mes)',
  // en
  'save me', 'save us', 'rescue (me|us|my)', 'trapped', 'locked (up|in|me)', 'held (against|captive|hostage)', 'hostage', 'kidnap',
  '(took|taken|confiscated|kept|holding|stole|take away) (away )?(my|our|his|her) (passport|documents|papers|phone)', 'passport (was |is |has been )?(taken|confiscated|held|kept|stolen)',
  '(beat|beats|beating|beaten|hit|hits|hitting|tortur\\w*|electrocut\\w*) (me|us|him|her|them|people)', 'they (beat|hit|torture|threaten)',
  "(can't|cannot|cant|can not|not allowed to|won't let me|wont let me|don't let me|dont let me) (leave|escape|go home|get out|go out)", 'ransom', 'sold (me|us|him|her|to)',
  'forced to (scam|work|cheat)', 'being held', 'escape from',
  "(won't|wont|don't|dont|not|never|before they|until i|until we) let (me|us|him|her|them) (go|leave|out)", 'armed guards', 'guards? (have|with|carry) (guns|weapons)',
  '(to|me|us|and|i|we|can) escape', 'threat\\w* to (kill|hurt|sell|beat)', '(kill|killed|hurt) (me|us|him|her)', '(am|im|i m|are|is|s|re) in danger',
  'come (and )?(get|pick up|rescue|save) (me|us)', "(won't|wont|refuse to|don't|dont) give (back )?(me )?(my|our|his|her) (passport|documents|papers|phone)",
  'they (have|keep|kept|hold|holding) (my|our|his|her) (passport|documents|papers|phone)',
  '(keeps|kept|holds|is holding|are holding|confiscates|confiscated) (my|our|his|her|their) (passports?|documents|papers|id)',
  "(refuses?|refused|won't|wont|will not|doesn't|doesnt|does not) (to )?(give back|return) (my|our|his|her|their) (passports?|documents|papers|phone)", '(force|forces|forcing) (me|us|him|her) to', 'lost (contact|touch) with', 'electric shocks?', 'not allowed to (leave|go)',
];

/** Weak cues: enough to prefer danger over `unknown`, not to override another intent. */
const WEAK: readonly string[] = [
  'cuu', 'giam', 'nhot', 'danh dap', 'bao luc', 'ho chieu', 'nguy hiem', 'so qua', 'khan cap', 'bi lua',
  'aidez', 'aide moi', 'urgent', 'sauver', 'danger', 'peur', 'passeport', 'menace',
  'help me', 'help', 'emergency', 'scared', 'afraid', 'passport', 'threat', 'police',
];

/** Compiles phrases into one whole-word regular expression. */
function compile(list: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${list.join('|')})`, 'u');
}

const STRONG_RE = compile(STRONG);
const WEAK_RE = compile(WEAK);

/** True when the folded message certainly describes someone in danger. */
export function isDanger(folded: string): boolean {
  return STRONG_RE.test(folded);
}

/** True when the folded message carries a danger cue (help, passport, afraid...). */
export function hasDangerCue(folded: string): boolean {
  return WEAK_RE.test(folded);
}
