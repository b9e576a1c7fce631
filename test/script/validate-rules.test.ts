/**
 * Table test of the validator: one broken fixture per rule (test/script/fixtures/<rule>/,
 * an overlay on fixtures/base/), and the exact lines `npm run validate` prints for it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { loadContent } from '../../src/script/load-content';
import { materialiseFixture } from './fixture-project';

const TABLE: [rule: string, lines: string[]][] = [
  ['bad-condition', [
    "dialogs/check-offer.yaml:23:17  error    steps.result.branch[0].when: condition 'score >= 6 or fee yes' does not parse: expected an operator after 'fee' (one of == != >= <= > <)",
  ]],
  ['branch-without-otherwise', [
    "dialogs/check-offer.yaml:24:9  error    steps.result.branch[1]: branch must end with { otherwise: <target> } so that one arm always applies",
  ]],
  ['call-without-next', [
    "dialogs/check-offer.yaml:27:5  error    steps.high_risk.call: call needs next: the step to continue at when 'menu' ends",
  ]],
  ['choices-without-otherwise', [
    "dialogs/check-offer.yaml:17:5  error    steps.ask_visa.choices: choices without otherwise: add otherwise: { say: [common:not_understood], retry: 2 }",
  ]],
  ['id-mismatch', [
    "dialogs/check-offer.yaml:2:5  error    id: id 'check_offer' does not match the file name: use id 'check-offer' or rename the file to check_offer.yaml",
  ]],
  ['json-syntax', [
    "locales/en/menu.json:4:5  error    JSON syntax error: Expected ',' or '}' after property value",
  ]],
  ['label-too-long', [
    "locales/fr/check-offer.json:15:18  error    key 'ask_visa.choices.tourist': label is 30 characters, over the limit of 20",
  ]],
  ['message-too-long', [
    "locales/en/check-offer.json:20:16  error    key 'high_risk.verdict': text is 657 characters, over the limit of 640: split it into two keys",
    "locales/fr/check-offer.json:20:16  error    key 'high_risk.verdict': text is 666 characters, over the limit of 640: split it into two keys",
    "locales/vi/check-offer.json:20:16  error    key 'high_risk.verdict': text is 657 characters, over the limit of 640: split it into two keys",
  ]],
  ['missing-everywhere', [
    "dialogs/check-offer.yaml:26:20  error    steps.high_risk.say[1]: key 'check-offer:high_risk.advice' is missing in every language (known: high_risk.verdict)",
  ]],
  ['missing-key', [
    "locales/vi/check-offer.json:12:15  error    key 'ask_visa.question' is missing (present in fr, en)",
  ]],
  ['missing-locale-file', [
    "dialogs/check-offer.yaml:26:20  error    steps.high_risk.say[1]: key 'common2:advice' is missing in every language (no locale file common2.json)",
  ]],
  ['no-way-forward', [
    "dialogs/check-offer.yaml:28:3  error    steps.low_risk: step has no way forward: add one of next, choices (with otherwise), branch, end: true, or call + next",
  ]],
  ['not-nfc', [
    "locales/vi/menu.json:3:13  error    intro.text: text is not in Unicode NFC form (decomposed accents): retype it or save the file as NFC",
  ]],
  ['two-ways', [
    "dialogs/check-offer.yaml:25:3  error    steps.high_risk: step has 2 ways forward (next, end): keep exactly one",
  ]],
  ['unknown-choice-intent', [
    "dialogs/check-offer.yaml:13:24  error    steps.ask_fee.choices.no.intents[0]: unknown intent or answer 'nope' (known: greet, menu, warning_signs, check_offer, quiz, stories, safe_migration, get_help, danger, change_language, cancel, goodbye, thanks, about, delete_data, talk_to_human, unknown, already_paid, safety_plan, yes, no, unsure)",
  ]],
  ['unknown-condition-name', [
    "dialogs/check-offer.yaml:23:17  error    steps.result.branch[0].when: unknown name 'fees' in condition (known: fee, score, total, risk, flag_count, intent)",
  ]],
  ['unknown-dialog', [
    "dialogs/menu.yaml:8:28  error    steps.intro.choices.check_offer.goto: unknown dialog 'check-ofer' (known: check-offer, menu)",
  ]],
  ['unknown-field', [
    "dialogs/check-offer.yaml:8:5  error    steps.intro.nxt: unknown field 'nxt' (known: say, next, choices, otherwise, branch, end, call, expect, effect, set)",
  ]],
  ['unknown-step', [
    "dialogs/check-offer.yaml:12:65  error    steps.ask_fee.choices.yes.goto: unknown step 'ask_vis' (known: intro, ask_fee, ask_visa, result, high_risk, low_risk)",
  ]],
  ['unknown-trigger', [
    "dialogs/check-offer.yaml:3:12  error    triggers[0]: unknown intent 'chek_offer' (known: greet, menu, warning_signs, check_offer, quiz, stories, safe_migration, get_help, danger, change_language, cancel, goodbye, thanks, about, delete_data, talk_to_human, unknown, already_paid, safety_plan)",
  ]],
  ['unknown-variable', [
    "locales/en/check-offer.json:20:16  error    key 'high_risk.verdict': unknown variable {{hotline}} (known: hotline_vn, score, total, risk, flag_count, evidence, intent, retention_days, fee)",
    "locales/fr/check-offer.json:20:16  error    key 'high_risk.verdict': unknown variable {{hotline}} (known: hotline_vn, score, total, risk, flag_count, evidence, intent, retention_days, fee)",
    "locales/vi/check-offer.json:20:16  error    key 'high_risk.verdict': unknown variable {{hotline}} (known: hotline_vn, score, total, risk, flag_count, evidence, intent, retention_days, fee)",
  ]],
  ['unquoted-variable', [
    'dialogs/_variables.yaml:3:15  error    variables.hotline_vn: expected string, got number 111: write the value in quotes ("…"); unquoted, a number loses its leading zeros and spaces',
  ]],
  ['unreachable-dialog', [
    "dialogs/orphan.yaml:2:5  warning  id: dialog 'orphan' is not reachable from the menu, a trigger or _global.yaml: link it with goto: dialog:orphan or add triggers",
  ]],
  ['unreachable-step', [
    "dialogs/check-offer.yaml:28:3  warning  steps.orphan: step 'orphan' is not reachable from start 'intro'",
  ]],
  ['unused-key', [
    "locales/en/menu.json:4:5  warning  key 'intro.old' is not used by dialog 'menu'",
    "locales/fr/menu.json:4:5  warning  key 'intro.old' is not used by dialog 'menu'",
    "locales/vi/menu.json:4:5  warning  key 'intro.old' is not used by dialog 'menu'",
  ]],
  ['variables-differ', [
    "locales/vi/check-offer.json:23:16  error    key 'low_risk.verdict': {{variables}} differ between languages: vi has none, fr and en have {{score}}",
  ]],
  ['wrong-type', [
    "dialogs/check-offer.yaml:14:55  error    steps.ask_fee.otherwise.retry: expected number, got string \"two\"",
  ]],
  ['yaml-syntax', [
    "dialogs/check-offer.yaml:13:43  error    YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    "dialogs/check-offer.yaml:14:5  error    YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }",
  ]],
];

const made: (() => void)[] = [];
afterAll(() => made.forEach((remove) => remove()));

describe('validator rules', () => {
  it('the base fixture is valid, without warnings', () => {
    const f = materialiseFixture('base');
    made.push(f.remove);
    const { content, diagnostics } = loadContent(f.dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(content?.dialogs['check-offer']?.steps['ask_fee']?.choices?.map((c) => c.id)).toEqual(['yes', 'no']);
  });

  for (const [rule, lines] of TABLE) {
    it(rule, () => {
      const f = materialiseFixture(rule);
      made.push(f.remove);
      const { content, diagnostics } = loadContent(f.dir);
      expect(diagnostics.map(formatDiagnostic)).toEqual(lines);
      const hasError = lines.some((l) => /\s{2}error\s/.test(l));
      expect(content === null).toBe(hasError);
    });
  }
});
