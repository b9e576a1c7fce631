/**
 * `resume: ask` (the danger interruption): a person in danger is never dropped back into a
 * quiz or a questionnaire by itself. After the numbers they choose: contacts, the menu, or
 * "Back to where I was", which is shown only when a question was interrupted.
 * Played on the shipped content with the real engine.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance } from '../../src/engine/advance';
import type { AdvanceResult, ConversationState, EngineInput, EngineOutput } from '../../src/engine/types';
import { fold } from '../../src/kernel/normalise';
import { loadContentOrThrow } from './load-fixture';

const content = loadContentOrThrow(path.resolve(import.meta.dirname, '../..'));
const danger: EngineInput = { type: 'intent', intent: 'danger' };
const tap = (id: string): EngineInput => ({ type: 'choice', id });
const typed = (text: string): EngineInput => ({ type: 'text', text, folded: fold(text), intent: 'unknown', score: 0, entities: { places: [] } });

/** Plays inputs from a new conversation; returns every turn's result. */
function play(inputs: EngineInput[]): AdvanceResult[] {
  let state: ConversationState | undefined;
  const results: AdvanceResult[] = [];
  for (const input of [{ type: 'start' } as EngineInput, ...inputs]) {
    const r = advance(content, state, input);
    results.push(r);
    state = r.state;
  }
  return results;
}

const keys = (outputs: EngineOutput[]) => outputs.flatMap((o) => (o.type === 'say' ? [o.key] : []));
const buttons = (outputs: EngineOutput[]) => outputs.flatMap((o) => (o.type === 'choices' ? o.options.map((c) => c.id) : []));
const inQuiz = [tap('en'), tap('quiz')];

describe('after danger, the user chooses where to go', () => {
  it('the numbers come first, and "Back to where I was" is offered when a quiz question was interrupted', () => {
    const r = play([...inQuiz, danger]).at(-1)!;
    expect(keys(r.outputs)[0]).toBe('danger:numbers.call_now');
    expect(keys(r.outputs)).not.toContain('quiz:q1.question');
    expect(buttons(r.outputs)).toEqual(['me', 'other', 'contacts', 'menu', 'back']);
  });

  it('"Got it" closes the quiz instead of asking question 1 again', () => {
    const r = play([...inQuiz, danger, tap('me'), tap('done')]).at(-1)!;
    expect(keys(r.outputs)).toEqual(['danger:close.text']);
    expect(r.outputs.at(-1)).toEqual({ type: 'end' });
    expect(r.state.stack).toEqual([]);
  });

  it('"Back to where I was" asks the interrupted question again, with its answers', () => {
    const r = play([...inQuiz, danger, tap('other'), tap('back')]).at(-1)!;
    expect(keys(r.outputs)).toEqual(['quiz:q1.question']);
    expect(buttons(r.outputs).length).toBeGreaterThan(1);
    expect(r.state.stack.map((f) => `${f.dialog}.${f.step}`)).toEqual(['quiz.q1']);
  });

  it('the way back survives "More contacts", and only the user takes it', () => {
    const results = play([...inQuiz, danger, tap('contacts'), tap('done')]);
    expect(buttons(results.at(-2)!.outputs)).toContain('back');
    expect(keys(results.at(-1)!.outputs)).toEqual(['get-help:close.text']);
    expect(results.at(-1)!.state.stack).toEqual([]);
  });

  it('with nothing interrupted, there is no way back to offer, by button, number or label', () => {
    const idle = play([tap('en'), tap('about'), tap('done'), danger]).at(-1)!;
    expect(buttons(idle.outputs)).toEqual(['me', 'other', 'contacts', 'menu']);
    for (const input of [tap('back'), typed('5'), typed('Back to where I was')]) {
      const r = advance(content, idle.state, input);
      expect(keys(r.outputs)[0]).toBe('common:not_understood');
      expect(r.state.stack.at(-1)?.step).toBe('who');
    }
  });

  it('danger entered by a button of a dialog that resumes (get help inside the quiz) does not resume either', () => {
    const r = play([...inQuiz, { type: 'intent', intent: 'get_help' }, tap('danger'), tap('me'), tap('done')]).at(-1)!;
    expect(keys(r.outputs)).toEqual(['danger:close.text']);
    expect(r.state.stack).toEqual([]);
  });

  it('get help on its own still asks the interrupted question again when it ends', () => {
    const r = play([...inQuiz, { type: 'intent', intent: 'get_help' }, tap('done')]).at(-1)!;
    expect(keys(r.outputs)).toEqual(['get-help:close.text', 'quiz:q1.question']);
  });
});
