/**
 * Scores the scanner on labelled ads: per language, how many scam-style ads score
 * medium or high, how many legitimate ads score high, and which flags fire on legitimate ads.
 */
import { LANGS, type Lang } from '../kernel/lang';
import type { Scanner } from '../kernel/scan-result';
import type { AdLabel, LabelledAd } from './read-ads-tsv';
import type { FlagId, Risk } from '../kernel/scan-result';

/** Result of one ad, in input order. */
export interface EvalItem {
  label: AdLabel;
  lang: Lang;
  risk: Risk;
  flags: Array<{ id: FlagId; evidence: string }>;
}

/** Totals of one language. */
export interface LangTotals {
  scam: number;
  /** Scam-style ads scored medium or high. */
  scamDetected: number;
  legit: number;
  /** Legitimate ads scored high. */
  legitHigh: number;
  /** How often each flag fired on a legitimate ad. */
  legitFlags: Partial<Record<FlagId, number>>;
}

export interface EvalReport {
  items: EvalItem[];
  totals: Record<Lang, LangTotals>;
}

/** Scans every ad (in its labelled language) and adds up the totals. */
export function evaluateAds(scanner: Scanner, ads: readonly LabelledAd[]): EvalReport {
  const totals = Object.fromEntries(
    LANGS.map((l): [Lang, LangTotals] => [l, { scam: 0, scamDetected: 0, legit: 0, legitHigh: 0, legitFlags: {} }]),
  ) as Record<Lang, LangTotals>;
  const items = ads.map((ad): EvalItem => {
    const result = scanner.scan(ad.text, ad.lang);
    const t = totals[ad.lang];
    if (ad.label === 'scam') {
      t.scam++;
      if (result.risk !== 'low') t.scamDetected++;
    } else {
      t.legit++;
      if (result.risk === 'high') t.legitHigh++;
      for (const f of result.flags) t.legitFlags[f.id] = (t.legitFlags[f.id] ?? 0) + 1;
    }
    return { label: ad.label, lang: ad.lang, risk: result.risk, flags: result.flags.map((f) => ({ id: f.id, evidence: f.evidence })) };
  });
  return { items, totals };
}

/** Share as a percentage with one decimal, 0 for an empty set. */
export function toPercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
