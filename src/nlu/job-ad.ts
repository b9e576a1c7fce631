/**
 * Recognises a pasted job advertisement: a long text with several recruitment cues
 * (salary, hiring, visa, accommodation, contact by Zalo/Telegram...), in vi, fr or en.
 */

/** Folded phrases typical of job ads. */
const AD_CUES: readonly string[] = [
  // vi
  'tuyen dung', 'tuyen gap', 'can tuyen', 'tuyen', 'luong', 'thu nhap', 'bao an o', 'bao an', 'bao o', 've may bay', 'visa', 'lh', 'lien he',
  'zalo', 'telegram', 'ung vien', 'yeu cau', 'kinh nghiem', 'trieu', 'usd', 'hop dong', 'viec nhe', 'thuong', 'khong can', 'tang ca', 'nhan vien',
  // fr
  'recrute', 'recrutement', 'salaire', 'logement', 'nourri', 'billet d avion', 'billet', 'contrat', 'experience', 'euros', 'dollars', 'candidat', 'postulez', 'par mois',
  // en
  'hiring', 'salary', 'recruit', 'recruiting', 'vacancy', 'accommodation', 'flight', 'ticket', 'requirements', 'per month', 'monthly', 'apply', 'benefits', 'bonus', 'whatsapp', 'no experience',
];

const CUE_RE = new RegExp(`(?<![a-z0-9])(?:${AD_CUES.join('|')})(?![a-z0-9])`, 'gu');

/** Minimum words for a text to be treated as a pasted ad. */
export const AD_MIN_WORDS = 30;
/** Minimum number of distinct cues among them. */
const AD_MIN_CUES = 3;

/** True when a folded text looks like a pasted job advertisement. */
export function looksLikeJobAd(folded: string, wordCount: number): boolean {
  if (wordCount < AD_MIN_WORDS) return false;
  const seen = new Set(folded.match(CUE_RE) ?? []);
  return seen.size >= AD_MIN_CUES;
}
