import type { Lang } from '../nlu/types';

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
