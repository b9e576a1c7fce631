/**
 * Checks of the scanner rules beyond their schema: Unicode NFC, phrases that fold to
 * nothing or repeat, regular expressions that do not compile, unknown flag ids and
 * currencies, and the risk table.
 */
import type { Diagnostic } from '../kernel/diagnostic';
import { foldPhrase } from './fold-map';
import type { RuleFileName, ScannerRules } from './rules-schema';
import { FLAG_IDS } from '../kernel/scan-result';
import { diagnoseAt, type YamlPath, type YamlSource } from './yaml-location';

type Report = (path: YamlPath, severity: Diagnostic['severity'], message: string, part?: 'key' | 'value') => void;

const KNOWN_FLAGS = FLAG_IDS.join(', ');

/** Checks one regular expression written for folded text. */
function checkPattern(pattern: string, path: YamlPath, report: Report): void {
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    report(path, 'error', `bad regular expression: ${(e as Error).message}`);
    return;
  }
  const bare = pattern.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
  if (foldPhrase(bare) !== bare.trim() && /[A-ZÀ-ỹđĐ]/u.test(bare)) {
    report(path, 'warning', 'pattern has capitals or diacritics, but text is matched folded (lowercase, no diacritics): write it in lowercase without accents');
  }
}

/** Walks every value: NFC strings, phrase lists, patterns. */
function walk(value: unknown, path: YamlPath, report: Report): void {
  if (typeof value === 'string') {
    if (value !== value.normalize('NFC')) {
      report(path, 'error', 'text is not in Unicode NFC form: retype it or save the file as NFC');
    }
    return;
  }
  if (Array.isArray(value)) {
    const isPatterns = path[path.length - 1] === 'patterns';
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      walk(item, [...path, i], report);
      if (typeof item !== 'string') return;
      if (isPatterns) return checkPattern(item, [...path, i], report);
      const folded = foldPhrase(item);
      if (folded.length === 0) report([...path, i], 'error', `phrase '${item}' has no letters or symbols to match`);
      const first = seen.get(folded);
      if (first !== undefined) report([...path, i], 'warning', `'${item}' repeats item ${first} once case and diacritics are ignored`);
      else seen.set(folded, i);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], report);
  }
}

/** Flag ids: known, each with a rule and a weight; combos and levels consistent. */
function checkFlagIds(rules: ScannerRules, at: (f: RuleFileName) => Report): void {
  const known = new Set<string>(FLAG_IDS);
  for (const [id, rule] of Object.entries(rules.flags.flags)) {
    if (!known.has(id)) at('flags.yaml')(['flags', id], 'error', `unknown flag id '${id}' (known: ${KNOWN_FLAGS})`, 'key');
    if (rule.routes && id !== 'destination') at('flags.yaml')(['flags', id, 'routes'], 'error', "'routes' is only read for flag 'destination'");
  }
  for (const id of FLAG_IDS) {
    if (id !== 'high_pay' && !rules.flags.flags[id]) at('flags.yaml')(['flags'], 'warning', `flag '${id}' has no phrases or patterns: it can never be found`);
    if (rules.risk.weights[id] === undefined) at('risk.yaml')(['weights'], 'error', `missing weight for flag '${id}'`);
  }
  for (const id of Object.keys(rules.risk.weights)) {
    if (!known.has(id)) at('risk.yaml')(['weights', id], 'error', `unknown flag id '${id}' (known: ${KNOWN_FLAGS})`, 'key');
  }
  const when = rules.risk.when_licensed;
  if (when) {
    when.unless_flags.forEach((id, i) => {
      if (!known.has(id)) at('risk.yaml')(['when_licensed', 'unless_flags', i], 'error', `unknown flag id '${id}' (known: ${KNOWN_FLAGS})`);
    });
    for (const id of Object.keys(when.weights)) {
      if (!known.has(id)) at('risk.yaml')(['when_licensed', 'weights', id], 'error', `unknown flag id '${id}' (known: ${KNOWN_FLAGS})`, 'key');
    }
  }
  rules.risk.combos.forEach((combo, i) =>
    combo.flags.forEach((id, j) => {
      if (!known.has(id)) at('risk.yaml')(['combos', i, 'flags', j], 'error', `unknown flag id '${id}' (known: ${KNOWN_FLAGS})`);
    }),
  );
  if (rules.risk.levels.medium >= rules.risk.levels.high) {
    at('risk.yaml')(['levels', 'medium'], 'error', `levels.medium (${rules.risk.levels.medium}) must be below levels.high (${rules.risk.levels.high})`);
  }
}

/** Currencies named in pay.yaml exist; every threshold table has `other`. */
function checkCurrencies(rules: ScannerRules, report: Report): void {
  const known = Object.keys(rules.pay.currencies);
  const list = known.join(', ');
  const check = (id: string | undefined, path: YamlPath) => {
    if (id !== undefined && !known.includes(id)) report(path, 'error', `unknown currency '${id}' (known: ${list})`);
  };
  for (const [lang, id] of Object.entries(rules.pay.default_currency)) check(id, ['default_currency', lang]);
  rules.pay.multipliers.forEach((m, i) => check(m.currency, ['multipliers', i, 'currency']));
  const { per_period: perPeriod, ...monthly } = rules.pay.thresholds;
  const checkTable = (values: Record<string, number>, path: YamlPath) => {
    for (const id of Object.keys(values)) if (id !== 'other') check(id, [...path, id]);
    if (values.other === undefined) report(path, 'error', "missing 'other' (used for currencies not in the table)");
  };
  for (const [table, values] of Object.entries(monthly)) checkTable(values, ['thresholds', table]);
  for (const [period, values] of Object.entries(perPeriod ?? {})) {
    if (rules.pay.periods[period] === undefined) {
      report(['thresholds', 'per_period', period], 'error', `unknown period '${period}' (known: ${Object.keys(rules.pay.periods).join(', ')})`, 'key');
    }
    checkTable(values, ['thresholds', 'per_period', period]);
  }
}

/**
 * Checks of single values (NFC text, phrases, patterns) of one parsed file; they run even
 * when the file does not match its schema, so that every problem is reported at once.
 */
export function checkValues(raw: unknown, src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(raw, [], (path, severity, message, part) => out.push(diagnoseAt(src, path, severity, message, part)));
  return out;
}

/** Checks across fields and files, on rules whose files all match their schemas. */
export function checkRules(rules: ScannerRules, sources: Map<RuleFileName, YamlSource>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (file: RuleFileName): Report => (path, severity, message, part) => {
    const src = sources.get(file);
    if (src) out.push(diagnoseAt(src, path, severity, message, part));
  };
  checkFlagIds(rules, at);
  checkCurrencies(rules, at('pay.yaml'));
  return out;
}
