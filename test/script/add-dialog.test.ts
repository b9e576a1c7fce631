/**
 * The campaign-manager promise: a new dialog is one YAML file and three locale files (plus
 * a menu entry), with no code change, and users reach it from the menu
 * (the example of docs/script-format.md, "Adding a dialog").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { loadContent } from '../../src/script/load-content';
import { describeOutputs } from '../engine/conversation-runner';
import { materialiseFixture } from './fixture-project';

const f = materialiseFixture('add-dialog');
afterAll(() => f.remove());

describe('adding a dialog', () => {
  it('validates without errors or warnings and runs from the menu', () => {
    const { content, diagnostics } = loadContent(f.dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const start = advance(content!, undefined, { type: 'start' });
    expect(describeOutputs(start.outputs)).toEqual(['menu:intro.text', { choices: ['check_offer', 'visa_check'] }]);
    const chosen = advance(content!, start.state, { type: 'choice', id: 'visa_check' });
    expect(describeOutputs(chosen.outputs)).toEqual(['visa-check:ask.question', { choices: ['tourist', 'work'] }]);
    const answered = advance(content!, chosen.state, { type: 'text', text: 'Visa du lich', folded: 'visa du lich', intent: 'unknown', score: 0, entities: { places: [] } });
    expect(describeOutputs(answered.outputs)).toEqual(['visa-check:tourist.text', 'end']);
    expect(answered.outputs[0]).toMatchObject({ vars: { hotline_vn: '111', score: 1 } });
  });
});
