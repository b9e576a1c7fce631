/**
 * Domain keywords in Vietnamese, French and English, folded (lowercase, no diacritics, teencode
 * expanded): words that only a message about the bot's topics uses (salary, visa, passport,
 * agency, scam, hotline, quiz, the bot's own features). A short message carrying one ("luong cao?",
 * "visa?", "arnaque ?", "hotline") is on topic even when the training phrases never used the
 * word, so the off-topic checks of the recogniser count it as known (see vocabulary.ts).
 * Places are counted separately, from dialogs/nlu/lexicons.yaml. Two-word entries match adjacent words.
 * Campaign managers need not edit this list: the training phrases add their own keywords.
 */
export const DOMAIN_KEYWORDS: readonly string[] = [
  // vi: salary, job, company, broker, labour export, passport, visa, contract, scam, trafficking, hotline, quiz, stories, data
  'luong', 'viec lam', 'tuyen dung', 'tuyen', 'cong ty', 'moi gioi', 'xkld', 'xuat khau', 'lao dong', 'ho chieu', 'visa', 'thi thuc',
  'hop dong', 'giay phep', 'lua dao', 'buon nguoi', 'bi ban', 'chuoc', 'tong dai', 'duong day', 'hotline', 'so dien thoai',
  'nhot', 'quiz', 'do vui', 'trac nghiem', 'cau do', 'ke chuyen', 'cau chuyen', 'nan nhan', 'du lieu', 'lich su',
  'ngon ngu', 'menu', 'huy', 'cam on', 'tam biet',
  // fr
  'salaire', 'emploi', 'boulot', 'recrutement', 'recruteur', 'agence', 'passeport', 'titre de sejour', 'contrat', 'arnaque', 'arnaques',
  'escroquerie', 'escroc', 'arnaqueur', 'traite', 'rancon', 'sequestre', 'sequestree', 'enferme', 'enfermee', 'urgence', 'secours',
  'numero', 'association', 'ambassade', 'signaler', 'questionnaire', 'qcm', 'temoignage', 'temoignages', 'histoires',
  'donnees', 'historique', 'langue', 'anglais', 'vietnamien', 'annuler', 'merci',
  // en
  'salary', 'wage', 'wages', 'job', 'jobs', 'hiring', 'recruiter', 'recruiters', 'recruitment', 'agency', 'agencies', 'employer',
  'passport', 'visa', 'permit', 'contract', 'scam', 'scams', 'scammer', 'scammers', 'fraud', 'legit', 'trafficking', 'trafficked',
  'ransom', 'trapped', 'hotline', 'helpline', 'emergency', 'embassy', 'ngo', 'quiz', 'trivia', 'story', 'stories', 'testimony', 'testimonies',
  'privacy', 'language', 'cancel', 'thanks',
];
