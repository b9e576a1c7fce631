/**
 * Checks shared by the labelled evaluation sets (test/nlu/dev.tsv, holdout.tsv, holdout2.tsv).
 */
import { loadTrainingPhrases } from '../../src/nlu/create-recogniser';
import type { EvalReport, LabelledRow } from '../../src/nlu/evaluate';
import { fold } from '../../src/kernel/normalise';
import { INTENTS, SITUATION_INTENTS, type Intent } from '../../src/kernel/intent';
import { LANGS, type Lang } from '../../src/kernel/lang';

/** `lang/intent` pairs with fewer than `min` rows. */
export function findThinCells(rows: readonly LabelledRow[], min: number, intents: readonly Intent[] = INTENTS, langs: readonly Lang[] = LANGS): string[] {
  return langs.flatMap((lang) => intents.filter((intent) => rows.filter((r) => r.lang === lang && r.intent === intent).length < min).map((intent) => `${lang}/${intent}`));
}

export { SITUATION_INTENTS };
/** The intents the sets written before issue 12's situations cover (holdout-situations.tsv holds those). */
export const EARLIER_INTENTS: readonly Intent[] = INTENTS.filter((i) => !SITUATION_INTENTS.includes(i));

/**
 * Rows (as `file:line text`) that copy a training phrase or another set's row, or repeat a row of
 * their own set, compared after folding.
 */
export function findCopies(file: string, rows: readonly LabelledRow<string>[], others: readonly LabelledRow<string>[] = []): { copied: string[]; repeated: string[] } {
  const known = new Set([...loadTrainingPhrases('dialogs/intents').map((p) => fold(p.text)), ...others.map((r) => fold(r.text))]);
  const seen = new Set<string>();
  const at = (r: LabelledRow<string>): string => `${file}:${r.line} ${r.text}`;
  const copied = rows.filter((r) => known.has(fold(r.text))).map(at);
  const repeated = rows.filter((r) => seen.size === seen.add(fold(r.text)).size).map(at);
  return { copied, repeated };
}

/** Texts of danger messages the recogniser did not read as danger. */
export function findMissedDanger(report: EvalReport): string[] {
  return report.items.filter((it) => it.intent === 'danger' && it.predictedIntent !== 'danger').map((it) => it.text);
}

/** Precision and recall of `unknown`, the lower of the two first. */
export function unknownFloor(report: EvalReport): number {
  return Math.min(report.intents.unknown.precision, report.intents.unknown.recall);
}
