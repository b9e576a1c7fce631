/**
 * Behaviour of the pure engine that scripted conversations cannot show: job-offer scans,
 * variables, thresholds, purity, events without user text, stale state, loop guard.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import type { Content, ConversationState, EngineInput, EngineOutput } from '../../src/engine/types';
import { fold } from '../../src/kernel/normalise';
import type { ScanResult } from '../../src/kernel/scan-result';
import { describeOutputs } from './conversation-runner';
import { loadContentOrThrow } from './load-fixture';

const content = loadContentOrThrow(join(import.meta.dirname, 'fixtures', 'content'));

function text(t: string, extra: Partial<Extract<EngineInput, { type: 'text' }>> = {}): EngineInput {
  return { type: 'text', text: t, folded: fold(t), intent: 'unknown', score: 0, entities: { places: [] }, ...extra };
}

/** Plays inputs from a new conversation; returns the last result. */
function play(inputs: EngineInput[], c: Content = content, from?: ConversationState) {
  let state = from;
  let last = advance(c, state, { type: 'start' });
  if (from) last = { ...last, state: from };
  state = last.state;
  for (const input of inputs) {
    last = advance(c, state, input);
    state = last.state;
  }
  return last;
}

const toMenu: EngineInput[] = [{ type: 'choice', id: 'en' }];
const toPaste: EngineInput[] = [...toMenu, { type: 'choice', id: 'check_offer' }, { type: 'choice', id: 'no' },
  { type: 'choice', id: 'work' }, { type: 'choice', id: 'no' }];
const scan: ScanResult = {
  lang: 'en', risk: 'high', looksLikeAd: true,
  flags: [{ id: 'fees', evidence: 'pay 500 USD', start: 0, end: 11 }, { id: 'high_pay', evidence: '3000 USD a month', start: 20, end: 36 }],
};

function sayVars(outputs: EngineOutput[], key: string) {
  const o = outputs.find((x) => x.type === 'say' && x.key === key);
  return o && o.type === 'say' ? o.vars : undefined;
}

describe('advance', () => {
  it('a pasted offer at an expect: offer_text step is reported flag by flag, with evidence and risk', () => {
    const r = play([...toPaste, text('Easy job in Cambodia, pay 500 USD fee, 3000 USD a month', { scan })]);
    expect(describeOutputs(r.outputs)).toEqual([
      'offer-scan:report.intro', 'offer-scan:flags.fees', 'offer-scan:flags.high_pay', 'offer-scan:high.verdict',
      // offer-scan replaced the paste step, so check-offer's caller (none) is reached: the conversation ends
      'end',
    ]);
    expect(sayVars(r.outputs, 'offer-scan:flags.fees')?.evidence).toBe('pay 500 USD');
    expect(sayVars(r.outputs, 'offer-scan:high.verdict')?.risk).toBe('high');
    // the report is over: nothing of the pasted text stays in the state
    expect(r.state.scan).toBeUndefined();
  });

  it('a low-risk scan takes the other branch', () => {
    const r = play([...toPaste, text('some offer', { scan: { ...scan, risk: 'low', flags: [] } })]);
    expect(describeOutputs(r.outputs)).toEqual(['offer-scan:report.intro', 'offer-scan:low.verdict', 'end']);
  });

  it('free text without a scan at the paste step is not understood', () => {
    const r = play([...toPaste, text('hello there')]);
    expect(describeOutputs(r.outputs)[0]).toBe('common:not_understood');
  });

  it('text that reads like a job ad starts the offer report from anywhere', () => {
    const r = play([...toMenu, text('We hire now...', { scan })]);
    expect(describeOutputs(r.outputs)[0]).toBe('offer-scan:report.intro');
    const notAd = play([...toMenu, text('We hire now...', { scan: { ...scan, looksLikeAd: false } })]);
    expect(describeOutputs(notAd.outputs)[0]).toBe('common:not_understood');
  });

  it('a pasted job ad is reported even when its words also pick a menu topic by intent', () => {
    const r = play([...toMenu, text('URGENT hiring in Cambodia, 2000 USD/month, contact Telegram', { scan, intent: 'check_offer', score: 0.99 })]);
    expect(describeOutputs(r.outputs)[0]).toBe('offer-scan:report.intro');
    const notAd = play([...toMenu, text('check my offer', { scan: { ...scan, looksLikeAd: false, flags: [] }, intent: 'check_offer', score: 0.99 })]);
    expect(describeOutputs(notAd.outputs)[0]).not.toBe('offer-scan:report.intro');
    // Not an ad, but a message about an offer in which the scan sees warning signs: they come first.
    const described = play([...toMenu, text('my cousin wants me to work with him in Cambodia, should I go?', { scan: { ...scan, looksLikeAd: false }, intent: 'check_offer', score: 0.99 })]);
    expect(describeOutputs(described.outputs)[0]).toBe('offer-scan:report.intro');
    const otherTopic = play([...toMenu, text('how do people go to work in Cambodia legally?', { scan: { ...scan, looksLikeAd: false }, intent: 'safe_migration', score: 0.99 })]);
    expect(describeOutputs(otherTopic.outputs)[0]).not.toBe('offer-scan:report.intro');
  });

  it('texts carry the shared facts, the score and the quiz total', () => {
    const r = play([...toMenu, { type: 'choice', id: 'quiz' }, { type: 'choice', id: 'true' }, { type: 'choice', id: 'false' }]);
    expect(sayVars(r.outputs, 'quiz:result.text')).toMatchObject({ hotline_vn: '111', score: 2, total: 2 });
    const danger = play([{ type: 'intent', intent: 'danger' }]);
    expect(sayVars(danger.outputs, 'danger:intro.text')).toMatchObject({ hotline_vn: '111', police_vn: '113' });
  });

  it('a trigger intent starts its dialog from idle and from an unanswered question, above the threshold only', () => {
    const fromMenu = play([...toMenu, text('quiz please', { intent: 'quiz', score: 0.9 })]);
    expect(describeOutputs(fromMenu.outputs)[0]).toBe('quiz:q1.question');
    const weak = play([...toMenu, text('quiz maybe', { intent: 'quiz', score: 0.3 })]);
    expect(describeOutputs(weak.outputs)[0]).toBe('common:not_understood');
  });

  it('danger interrupts even with a low score', () => {
    const r = play([...toMenu, text('they took my passport', { intent: 'danger', score: 0.2 })]);
    expect(describeOutputs(r.outputs)[0]).toBe('danger:intro.text');
    expect(r.events).toContainEqual({ type: 'interrupted', intent: 'danger', dialog: 'menu' });
  });

  it('a short answer to the question beats a weaker interruption', () => {
    const r = play([...toMenu, { type: 'choice', id: 'check_offer' }, text('ko', { intent: 'cancel', score: 0.9, answer: 'no' })]);
    expect(describeOutputs(r.outputs)[0]).toBe('check-offer:ask_visa.question');
  });

  it('the same interruption twice does not stack the dialog', () => {
    const r = play([...toMenu, { type: 'intent', intent: 'change_language' }, { type: 'intent', intent: 'change_language' }]);
    expect(r.state.stack.map((f) => f.dialog)).toEqual(['menu', 'language']);
  });

  it('a language choice outputs set_language before the texts that follow', () => {
    const r = play([{ type: 'choice', id: 'fr' }]);
    expect(r.outputs[0]).toEqual({ type: 'set_language', lang: 'fr' });
  });

  it('never changes the state it is given', () => {
    const before = play(toMenu).state;
    const copy = JSON.parse(JSON.stringify(before));
    advance(content, before, { type: 'choice', id: 'quiz' });
    expect(before).toEqual(copy);
  });

  it('events name dialogs, steps and choices, never the user text', () => {
    const secret = 'my name is Nguyen Van A, 0912345678';
    const r = play([...toMenu, text(secret, { intent: 'quiz', score: 0.9 })]);
    expect(JSON.stringify(r.events)).not.toContain('Nguyen');
    expect(r.events).toContainEqual({ type: 'dialog_started', dialog: 'quiz' });
  });

  it('a state from other content whose step vanished hears content_changed once, then the menu', () => {
    const stale: ConversationState = { contentVersion: 'old', stack: [{ dialog: 'gone', step: 'x', retries: 0, vars: {} }] };
    const r = advance(content, stale, { type: 'choice', id: 'yes' });
    expect(describeOutputs(r.outputs)).toEqual(['common:content_changed', 'menu:intro.text', { choices: ['check_offer', 'quiz', 'get_help'] }]);
    expect(r.events).toContainEqual({ type: 'state_reset', reason: 'content_changed' });
    const next = advance(content, r.state, { type: 'choice', id: 'quiz' });
    expect(describeOutputs(next.outputs)[0]).toBe('quiz:q1.question');
  });

  it('a stale state still gets danger help right away', () => {
    const stale: ConversationState = { contentVersion: 'old', stack: [{ dialog: 'gone', step: 'x', retries: 0, vars: {} }] };
    const r = advance(content, stale, { type: 'intent', intent: 'danger' });
    expect(describeOutputs(r.outputs).slice(0, 2)).toEqual(['common:content_changed', 'danger:intro.text']);
  });

  it('a state from other content whose steps still exist just continues', () => {
    const state = { ...play(toMenu).state, contentVersion: 'old' };
    const r = advance(content, state, { type: 'choice', id: 'quiz' });
    expect(describeOutputs(r.outputs)[0]).toBe('quiz:q1.question');
    expect(r.state.contentVersion).toBe(content.version);
  });

  it('start restarts a conversation at the welcome', () => {
    const r = play([...toMenu, { type: 'start' }]);
    expect(describeOutputs(r.outputs)[0]).toBe('welcome:intro.text');
    expect(r.state.stack.map((f) => f.dialog)).toEqual(['welcome']);
  });

  it('the "Main menu" button of an interruption leaves only the menu open', () => {
    const r = play([...toMenu, { type: 'choice', id: 'check_offer' }, { type: 'intent', intent: 'about' }, { type: 'choice', id: 'menu' }]);
    expect(r.state.stack.map((f) => f.dialog)).toEqual(['menu']);
    expect(r.state.stack[0]?.resume).toBeUndefined();
  });

  it('"yes" to delete my data closes every dialog, even one that called delete-data', () => {
    const r = play([...toMenu, { type: 'choice', id: 'check_offer' }, { type: 'intent', intent: 'delete_data' }, { type: 'choice', id: 'yes' }]);
    expect(describeOutputs(r.outputs)).toEqual(['delete_data', 'delete-data:deleted.text', 'end']);
    expect(r.state.stack).toEqual([]);
    // a delete step reached through `call` ends the caller too
    const called = structuredClone(content);
    called.dialogs['quiz']!.steps['q1'] = { ...called.dialogs['quiz']!.steps['q1']!, choices: undefined, otherwise: undefined, call: 'delete-data', next: { step: 'q2' } };
    const viaCall = play([...toMenu, { type: 'choice', id: 'quiz' }, { type: 'choice', id: 'yes' }], called);
    expect(describeOutputs(viaCall.outputs)).toEqual(['delete_data', 'delete-data:deleted.text', 'end']);
    expect(viaCall.state.stack).toEqual([]);
  });

  it('a script that loops without asking fails with the place of the loop', () => {
    const loop = structuredClone(content) as Content & { dialogs: Record<string, { steps: Record<string, unknown> }> };
    (loop.dialogs['unknown']!.steps as Record<string, unknown>)['intro'] = { id: 'intro', say: [], set: {}, next: { step: 'intro' }, pos: { file: '', line: 1, col: 1 } };
    expect(() => advance(loop, { contentVersion: loop.version, stack: [] }, text('zzz'))).toThrow(/unknown\.intro.*loops/);
  });
});
