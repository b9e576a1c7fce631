import type { Lang } from './lang';

/** Red-flag ids the scanner can report. Locale keys `offer-scan:flags.<id>` explain each one. */
export const FLAG_IDS = [
  'high_pay', 'no_experience', 'destination', 'chat_contact', 'travel_paid', 'tourist_visa',
  'fees', 'urgency', 'vague_job', 'secrecy',
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export type Risk = 'low' | 'medium' | 'high';

export interface FlagHit {
  id: FlagId;
  /** The span of the original text that triggered the flag. */
  evidence: string;
  /** Offsets of `evidence` in the scanned text. */
  start: number;
  end: number;
}

export interface ScanResult {
  lang: Lang;
  risk: Risk;
  flags: FlagHit[];
  /** True when the text reads like a job ad or recruiter message (not a short chat line). */
  looksLikeAd: boolean;
}

/** What the conversation keeps of a scan: the level and the flag ids, no words of the ad. */
export interface ScanSummary {
  risk: Risk;
  flags: FlagId[];
}

/** The part of `scan` that may be stored: risk and flag ids (strongest first). */
export function summariseScan(scan: ScanResult): ScanSummary {
  return { risk: scan.risk, flags: scan.flags.map((f) => f.id) };
}

/** Scans job ads (built by src/scanner/create-scanner.ts). Pure and synchronous. */
export interface Scanner {
  /**
   * Scans `text`. `lang` is the language of the ad when known; otherwise it is guessed.
   * Flags come one per id, strongest first, each with the exact span of `text` that shows it.
   */
  scan(text: string, lang?: Lang): ScanResult;
  /** Shortest text that can read as a job ad (`min_chars` of dialogs/scanner/ad-cues.yaml): shorter texts need no scan. */
  readonly minChars: number;
}

/**
 * Tells whether a text reads like a job ad or a recruiter's message, in a known language
 * (the one ad detector: the scanner's, dialogs/scanner/ad-cues.yaml).
 */
export type ReadsLikeAd = (text: string, lang: Lang) => boolean;
