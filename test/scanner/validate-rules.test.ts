import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScannerRules } from '../../src/scanner/validate-rules';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { ROOT } from './helpers';
import { loadScanner } from '../../src/script/load-language';

const BROKEN = join(import.meta.dirname, 'fixtures', 'broken');

/** Diagnostics of `root` as printed lines. */
function lines(root: string): string[] {
  return validateScannerRules(root).map(formatDiagnostic);
}

describe('validateScannerRules', () => {
  const temp = mkdtempSync(join(tmpdir(), 'scanner-rules-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('accepts the project rules without errors or warnings', () => {
    expect(lines(ROOT)).toEqual([]);
  });

  it('reports each problem of a broken rule folder with file, line and column', () => {
    const out = lines(BROKEN);
    expect(out).toContain(
      "dialogs/scanner/flags.yaml:9:3  error    flags.fee: unknown flag id 'fee' (known: high_pay, no_experience, destination, chat_contact, travel_paid, tourist_visa, fees, urgency, vague_job, secrecy)",
    );
    expect(out.find((l) => l.startsWith('dialogs/scanner/flags.yaml:17:16  error    flags.secrecy.patterns[0]: bad regular expression'))).toBeDefined();
    expect(out).toContain(
      'dialogs/scanner/flags.yaml:20:21  error    flags.no_experience.phrases.vi[0]: text is not in Unicode NFC form: retype it or save the file as NFC',
    );
    expect(out.find((l) => l.startsWith("dialogs/scanner/pay.yaml:38:34  error    default_currency.fr: unknown currency 'EURO' (known: USD, VND, EUR"))).toBeDefined();
    expect(out.find((l) => l.startsWith("dialogs/scanner/risk.yaml:14:3  error    weights.visa: unknown flag id 'visa'"))).toBeDefined();
    expect(out.find((l) => l.startsWith("dialogs/scanner/risk.yaml:17:25  error    combos[0].flags[1]: unknown flag id 'no_experiance'"))).toBeDefined();
    expect(out.filter((l) => l.includes(' error ')).length).toBe(6);
  });

  it('names a missing language, where it is missing', () => {
    const dir = join(temp, 'missing-lang');
    cpSync(join(ROOT, 'dialogs', 'scanner'), join(dir, 'dialogs', 'scanner'), { recursive: true });
    const file = join(dir, 'dialogs', 'scanner', 'flags.yaml');
    const all = readFileSync(file, 'utf8').split('\n');
    const target = all.findIndex((l) => l.startsWith('      fr: [urgent,'));
    expect(target).toBeGreaterThan(0);
    // Drop the `fr:` list of urgency and its continuation lines.
    let end = target + 1;
    while (all[end]?.startsWith('        ')) end++;
    writeFileSync(file, [...all.slice(0, target), ...all.slice(end)].join('\n'));
    const out = lines(dir);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^dialogs\/scanner\/flags\.yaml:\d+:7 {2}error {4}flags\.urgency\.phrases\.fr: missing field 'fr' \(every list needs vi, fr and en/);
  });

  it('reports a YAML syntax error and a missing file', () => {
    const dir = join(temp, 'syntax');
    cpSync(join(ROOT, 'dialogs', 'scanner'), join(dir, 'dialogs', 'scanner'), { recursive: true });
    writeFileSync(join(dir, 'dialogs', 'scanner', 'risk.yaml'), 'version: 1\nweights: [unclosed\n');
    rmSync(join(dir, 'dialogs', 'scanner', 'ad-cues.yaml'));
    const out = lines(dir);
    expect(out.some((l) => l.startsWith('dialogs/scanner/ad-cues.yaml:1:1  error    missing rule file'))).toBe(true);
    expect(out.some((l) => /^dialogs\/scanner\/risk\.yaml:\d+:\d+ {2}error {4}YAML syntax/.test(l))).toBe(true);
  });

  it('refuses to create a scanner from broken rules, naming the problems', () => {
    expect(() => loadScanner(join(BROKEN, 'dialogs', 'scanner'))).toThrow(/flags\.yaml:9:3 {2}error {4}flags\.fee: unknown flag id 'fee'/);
  });
});
