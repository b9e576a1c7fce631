/**
 * The danger model (src/nlu/danger-model.ts) and its examples (dialogs/nlu/danger-examples/):
 * it learns danger from examples, restores exactly from its snapshot, and a broken examples file
 * is reported with its file and line, as every other content problem.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DangerModel } from '../../src/nlu/danger-model';
import { emitFeatures, extractFeatures, intentTokens } from '../../src/nlu/features';
import { loadDangerExamples } from '../../src/nlu/load-danger-examples';
import { fold } from '../../src/kernel/normalise';
import { validateProject } from '../../src/script/validate-project';
import { loadNluContent } from '../../src/nlu/create-recogniser';
import { buildLanguageTools } from '../../src/script/load-language';

const example = (danger: boolean, text: string) => ({ danger, bag: extractFeatures(fold(text)) });
const probability = (model: DangerModel, text: string): number => model.probability((sink) => emitFeatures(intentTokens(fold(text)), sink));

const EXAMPLES = [
  example(true, 'they locked us in the building and took our passports'),
  example(true, 'my brother is locked in a compound and they beat him'),
  example(true, 'the boss took my phone and we cannot go out'),
  example(true, 'họ nhốt em trong phòng không cho ra ngoài'),
  example(false, 'how do I check if a job offer is real'),
  example(false, 'I want to do the quiz'),
  example(false, 'what are the warning signs of a fake job'),
  example(false, 'cho em hỏi cách đi xuất khẩu lao động an toàn'),
];

describe('danger model', () => {
  const model = new DangerModel(EXAMPLES);

  it('reads danger in a new wording of what it learned, and none in an ordinary question', () => {
    expect(probability(model, 'they locked my sister in and took her phone')).toBeGreaterThan(0.5);
    expect(probability(model, 'what are the signs of a fake offer')).toBeLessThan(0.5);
  });

  it('answers exactly as before once restored from its snapshot', () => {
    const restored = new DangerModel(model.snapshot());
    for (const text of ['em bị nhốt', 'quiz please', 'they beat him', '']) expect(probability(restored, text)).toBe(probability(model, text));
  });

  it('is trained the same way every time (no randomness at start-up)', () => {
    expect(new DangerModel(EXAMPLES).snapshot()).toEqual(model.snapshot());
  });
});

describe('danger examples', () => {
  const root = mkdtempSync(join(tmpdir(), 'tf-danger-examples-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'dialogs', 'nlu', 'danger-examples');

  it('are optional: without the folder the model learns from the intent phrases alone', () => {
    expect(loadDangerExamples(root)).toEqual({ rows: [], diagnostics: [] });
  });

  it('are read from every .tsv of the folder, in name order', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b.tsv'), 'lang\tintent\ttext\nfr\tdanger\tils ont pris mon passeport\n');
    writeFileSync(join(dir, 'a.tsv'), 'vi\tdanger\tcuu em voi\nen\tstories\ttell me what happened to others\n');
    writeFileSync(join(dir, 'notes.txt'), 'not read');
    const { rows, diagnostics } = loadDangerExamples(root);
    expect(diagnostics).toEqual([]);
    expect(rows.map((r) => r.text)).toEqual(['cuu em voi', 'tell me what happened to others', 'ils ont pris mon passeport']);
  });

  it('report a malformed row with its file and line, and npm run validate lists it', () => {
    writeFileSync(join(dir, 'c.tsv'), 'lang\tintent\ttext\nen\tdanger\tthey keep us inside\nen\tdangr\tthey beat him\n');
    const { diagnostics } = loadDangerExamples(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'dialogs/nlu/danger-examples/c.tsv', line: 3 });
    expect(diagnostics[0]!.message).toContain("unknown intent 'dangr'");
    expect(validateProject(root).some((d) => d.file === 'dialogs/nlu/danger-examples/c.tsv' && d.line === 3)).toBe(true);
  });
});

describe('the recogniser with its danger model', () => {
  const content = loadNluContent('dialogs/intents');
  // A wording no rule names: a relative who has not answered since a weekday.
  const SILENT = ['my brother not replying since tuesday', 'sis not answering since friday', 'my son no reply since sunday night', 'wife not replying since wednesday, she is over there', 'my cousin not answering since thursday', 'dad not replying since saturday'];
  const taught = { ...content, dangerExamples: [...content.dangerExamples, ...SILENT.map((text, i) => ({ lang: 'en' as const, intent: 'danger' as const, text, line: i + 1 }))] };
  const message = 'my sister not replying since monday';

  it('asks the safety question for a wording its examples taught, though no rule names it', () => {
    const without = buildLanguageTools({ ...content, dangerExamples: [] }, 'dialogs/scanner').recogniser.recognise(message, 'en');
    expect(without.danger).toBeUndefined();
    const withExamples = buildLanguageTools(taught, 'dialogs/scanner').recogniser.recognise(message, 'en');
    expect(withExamples.danger?.level).toBe('possible');
  });

  it('asks nothing when told as over, or when the model is switched off', () => {
    const tools = buildLanguageTools(taught, 'dialogs/scanner');
    expect(tools.recogniser.recognise(`${message} last year, but she is home now`, 'en').danger).toBeUndefined();
    expect(buildLanguageTools(taught, 'dialogs/scanner', { dangerModelAsk: 2 }).recogniser.recognise(message, 'en').danger).toBeUndefined();
  });
});
