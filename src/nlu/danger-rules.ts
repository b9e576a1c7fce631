/**
 * Rule layer for danger: someone trapped, confined, beaten, sold, or whose passport was taken.
 * Matched on folded text (no diacritics, teencode expanded), in vi, fr and en. A strong match makes
 * the message `danger` whatever the classifier says; a weak cue makes it `danger` instead of `unknown`.
 */

/** Patterns that, found anywhere in a folded message, mean danger. */
const STRONG: readonly string[] = [
  // vi
  'cuu (toi|em|tui|minh|con|chau|anh|chi|voi|tao|ban toi|gia dinh|nguoi)', 'cuu mang', 'keu cuu', 'giai cuu', 'sos', 's o s',
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
  // stuck, guarded, kept from leaving: first person or a relative ("ko cho e ve", "khong cho no ra ngoai")
  'bi (bo doi|ket (o|lai|tai|ben|trong)|canh (giu|gac|chung|24)|ep buoc|bao luc|khoa (cua|trong|phong))', '(ket|mac) (lai )?(o|tai|ben|trong) (day|do|ben|campuchia|cpc|myanmar|lao|thai|khu|cong ty)',
  'muon ve( \\w+){0,8} (bat|doi|phai) (tra|den|dong|nop|chuoc)', 'khong co cach (nao )?(ve|thoat|tron|ra)', 'tra (\\w+ ){0,4}(moi|de|thi moi) (duoc )?(ve|ra|tha|thoat)', '(neu khong|khong thi) (se )?(bi )?(ban|giet|danh)', '(neu|ma) (bo )?(tron|chay|ve) (thi |la )?(se )?(bi )?(ban|giet|danh)', 'bat coc', 'giam giu', 'bat giu (e|em|toi|tui|minh|con|chau|chung toi|chung em|no|anh|chi)', '(bat|doi) den (hop dong|tien)', 'co nguoi canh', 'canh (24|suot|ngay dem|nghiem)',
  '(giup|cuu|dua|keo) (e |em |toi |tui |minh |chung toi |no |con |chau )?ra khoi (day|do|cho nay|noi nay|khu|cong ty|dac khu)',
  'khong cho (e|em|toi|tui|minh|no|con|chau|anh|chi|chung toi|chung em|ho|ban em|ban toi) (ve|ra|ra ngoai|di|roi|lien lac|ve nuoc|nghi|an)', 'khong cho an',
  '(giu|thu|lay|tich thu|giat) (het )?(ho chieu|passport|giay to|dien thoai|dt) (het|roi|mat|luon|cua (e|em|toi|tui|minh))',
  // fr
  'au secours', "a l'aide", 'a l aide', 'sauvez (moi|nous)', 'enferme', 'sequestre', 'kidnapp', 'enleve',
  // SMS spellings of "je suis" / "je peux": "chui bloqué", "jsuis enfermée", "jpeux pas sortir"
  '(chui|chuis|jsuis|jsui|shui|jss) (retenu|retenue|prisonnier|prisonniere|piege|piegee|coince|coincee|bloque|bloquee|enferme|enfermee|sequestre|sequestree)',
  '(jpeux|jpx|j peux) (pas|plus) (partir|sortir|rentrer|quitter|m enfuir|m echapper)', 'pris au piege', 'prise au piege', 'pris en otage', 'de force', 'contre (mon|ma|son|sa|leur) gre',
  '(me|nous|le|la|les|l) (laisse|laissent|laisseront|laisser) (pas|plus|jamais) (partir|sortir|rentrer|quitter)', '(veulent|veut|voudront) (pas|plus) (me|nous|le|la|les) laisser (partir|sortir|rentrer)',
  'ils (me|nous|le|la|les) gardent', 'gardes? (partout|devant|a la porte)', "(ont|a) vendu (mon|ma|mes|notre|nos|son|sa|ses|leur)", "(m'ont|m ont|mont|l'ont|l ont|nous ont) vendue?", '(coince|coincee|bloque|bloquee) (au|en|a|la bas|dans)',
  '(suis|sommes|est|sont|reste|restes) (retenu|retenue|retenus|prisonnier|prisonniere|prisonniers|piege|piegee|pieges|coince|coincee|coinces|bloque|bloquee|bloques)',
  "(on m'a|on m a|on ma|ils m'ont|ils m ont|ils mont|ils ont|m'ont|m ont|mont|on nous a) (pris|confisque|garde|vole|pique) (mon |mes |nos |notre )?(passeport|papiers|telephone)",
  'passeport (confisque|pris|garde|retenu)', "(m'ont|me|nous|l'ont|les|on m'a|on l'a|ete) (frappe|frappee|battu|battue|tabasse|torture)",
  'ils (me|nous|le|la) (frappent|battent|tabassent|torturent|menacent)', '(frappent|battent|tabassent|torturent)',
  "je (ne )?peux (pas|plus) (partir|sortir|rentrer|m enfuir|m'enfuir|quitter|m'echapper|m echapper)", 'rancon', 'vendu a', 'vendue a', 'revendu',
  "(veux|voudrais|veut|voudrait|veulent) (rentrer|retourner|revenir)( [\\w']+){0,8} (payer|rembourser|rancon)",
  'on me force', 'payer (\\w+ ){0,4}pour (rentrer|sortir|partir|etre libere)', 'sinon (ils|on) (me|nous|le|la|les) (vend|vendent|tue|tuent|frappe|frappent)', "(m'enfuir|m enfuir|m'echapper|m echapper)", 'force a (arnaquer|travailler)', 'forcee a (arnaquer|travailler)',
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
  "(won't|wont|don't|dont|not|never|doesn't|doesnt|refuse to|will not) let (my|our|his|her) (\\w+ ){1,2}(go|leave|out|come home|come back|return)",
  "let (me|us|him|her|them) (come home|come back|return)", 'lock(s|ed|ing)? (me|us|him|her|them) (up|in)', 'tasers?', 'stun guns?', 'electric (batons?|shocks?|prods?)',
  "(they re|theyre|they are) (looking for|hunting|chasing|after) (me|us)", 'against (my|his|her|their|our) will',
  'stuck (in|at|inside) (the |a |this )?(compound|camp|building|cambodia|myanmar|laos|thailand|myawaddy|there|here|place)',
  '(want|wanna|trying|try) to (go home|go back|come home|return home)( \\w+){0,8} (pay|owe|ransom)',
  'pay (\\w+ ){0,3}to (go home|go back|leave|get out|be released|be free)', '(or|else|otherwise) they (will |ll |gonna |going to )?(sell|kill|beat|hurt) (me|us|him|her|them)',
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
  'cuu', 'giam', 'nhot', 'danh dap', 'bao luc', 'ho chieu', 'nguy hiem', 'so qua', 'so lam', 'rat so', 'khan cap', 'bi lua',
  'aidez', 'aide moi', 'urgent', 'sauver', 'danger', 'peur', 'passeport', 'menace',
  'help me', 'help', 'emergency', 'scared', 'afraid', 'passport', 'threat', 'police',
];

/**
 * Ordinary tasks (homework, a letter, a recipe, a translation): a bare "help" / "aide-moi" asking
 * for one of them is no danger cue. Only the help cues are lifted; every other cue, and every
 * strong pattern, still counts.
 */
const HELP_CUE = /(?<![a-z0-9])(?:help(?: me)?|aidez|aide moi)(?![a-z0-9])/gu;
const BENIGN_TASK = /(?<![a-z0-9])(?:homework|essay|assignment|math|maths|poem|letter|recipe|translat\w*|chem|chemistry|physics|gifts?|presents?|cadeaux?|resto|restaurants?|movies?|films?|devoirs?|dissert\w*|exos?|exercices?|lettre|poeme|recette|tradu\w*|reviser|revision|bai tap|bai van|bai toan|giai toan|lam van)(?![a-z0-9])/u;

/** Compiles phrases into one whole-word regular expression. */
function compile(list: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${list.join('|')})`, 'u');
}

const STRONG_RE = compile(STRONG);
const WEAK_RE = compile(WEAK);

/** A trapped thing, not a person: "une annonce piégée", "l'offre est piégée" (a trick, in French). */
const TRAPPED_THING = /(?<![a-z0-9])(?:annonces?|offres?|jobs?|emplois?|postes?|liens?|sites?|propositions?|contrats?)(?: [a-z']+){0,3} (?:est |sont |etait )?(?:piegee?s?)(?![a-z0-9])/gu;

/**
 * A request for other people's stories ("kể chuyện người từng bị bán", "tell me about someone who
 * got trapped"): a story word and a generic person, which the stories dialog answers.
 */
const STORY_RE = compile([
  '(chuyen|cau chuyen|vu|truong hop|trai nghiem|ke lai)( \\w+){0,4} (nguoi|ai do|nan nhan|nhung ban|co gai|chang trai)',
  '(about|story|stories|example|examples|case|cases|testimon\\w*|experiences?|happened to)( \\w+){0,3} (someone|somebody|people|ppl|persons?|victims?|others|those|survivors?|a girl|a guy|workers)',
  "(histoires?|temoignages?|recits?|exemples?|cas|vecu|arrive a)( [\\w']+){0,3} (quelqu'un|quelqu un|qqn|gens|personnes?|victimes?|jeunes|filles|autres)",
]);
/** The asker ("kể cho em nghe", "tell me", "raconte-moi") is not a person in the story. */
const ASKER_RE = /(?<![a-z0-9])(?:cho (?:e|em|toi|tui|minh|tao|chung em) (?:nghe|xem|doc|biet)|(?:e|em|toi|tui|minh) muon (?:doc|nghe|xem|biet)|(?:tell|give|show|send) me|i (?:want|wanna|would like) to (?:hear|read|know)|raconte moi|montre moi|dis moi|donne moi|je (?:veux|voudrais) (?:lire|entendre|savoir))(?![a-z0-9])/gu;
/** Someone of the writer's own: a first person or a relative. A story request naming one may be a report. */
const PERSONAL_RE = /(?<![a-z0-9'])(?:i|im|i'm|me|my|we|us|our|je|j|moi|mon|ma|mes|nous|nos|notre|on|chui|jsuis|toi|tui|em|e|minh|tao|con|chau|vo|chong|bo|me|anh|chi)(?![a-z0-9'])/u;

/**
 * True when the folded message certainly describes someone in danger. A request for other
 * people's stories is not, unless it also names the writer or someone of theirs ("chuyện của con tôi").
 */
export function isDanger(folded: string): boolean {
  if (!STRONG_RE.test(folded.replace(TRAPPED_THING, ' '))) return false;
  return !(STORY_RE.test(folded) && !PERSONAL_RE.test(folded.replace(ASKER_RE, ' ')));
}

/** True when the folded message carries a danger cue (help, passport, afraid...). */
export function hasDangerCue(folded: string): boolean {
  if (!WEAK_RE.test(folded)) return false;
  return !BENIGN_TASK.test(folded) || WEAK_RE.test(folded.replace(HELP_CUE, ' '));
}
