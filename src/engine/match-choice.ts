/**
 * Finds the choice of a step that a user input selects: by button payload, by label
 * (folded: case, spaces and diacritics ignored, in any language), by number, or by
 * the intent or short answer of free text.
 */
import { fold } from '../kernel/normalise';
import { LANGS } from '../kernel/lang';
import type { Choice, Content, EngineInput, Step } from './types';

export type MatchedBy = 'payload' | 'label' | 'number' | 'intent';

/** A choice and how it was selected. */
export interface ChoiceMatch {
  choice: Choice;
  by: MatchedBy;
}

/**
 * Matches the direct forms: payload, label, number (routing rules 1 and 2 of
 * docs/script-format.md). Intents are matched separately, after interruptions.
 */
export function matchChoiceDirect(content: Content, step: Step, input: EngineInput): ChoiceMatch | null {
  const choices = step.choices ?? [];
  if (input.type === 'choice') {
    const choice = choices.find((c) => c.id === input.id);
    return choice ? { choice, by: 'payload' } : null;
  }
  if (input.type !== 'text') return null;
  const raw = input.text.trim();
  const byId = choices.find((c) => c.id === raw);
  if (byId) return { choice: byId, by: 'payload' };
  const folded = fold(input.folded || input.text);
  const number = /^(\d{1,2})[.)]?$/.exec(folded);
  if (number) {
    const choice = choices[Number(number[1]) - 1];
    if (choice) return { choice, by: 'number' };
  }
  const byLabel = choices.find((c) => labelsOf(content, c.label).some((l) => fold(l) === folded));
  return byLabel ? { choice: byLabel, by: 'label' } : null;
}

/** Matches a choice whose `intents` lists the short answer of free text (`yes`, `no`, `unsure`). */
export function matchChoiceByAnswer(step: Step, input: EngineInput): ChoiceMatch | null {
  if (input.type !== 'text' || !input.answer) return null;
  const choice = (step.choices ?? []).find((c) => c.intents.includes(input.answer!));
  return choice ? { choice, by: 'intent' } : null;
}

/** Matches a choice whose `intents` lists the input's intent. */
export function matchChoiceByIntent(step: Step, input: EngineInput): ChoiceMatch | null {
  if (input.type !== 'text' && input.type !== 'intent') return null;
  if (input.intent === 'unknown') return null;
  const choice = (step.choices ?? []).find((c) => c.intents.includes(input.intent));
  return choice ? { choice, by: 'intent' } : null;
}

/** The label text of a key in every language (for matching typed labels). */
function labelsOf(content: Content, key: string): string[] {
  const i = key.indexOf(':');
  const ns = key.slice(0, i);
  const path = key.slice(i + 1).split('.');
  const out: string[] = [];
  for (const lang of LANGS) {
    let cur: unknown = content.locales[lang]?.[ns];
    for (const seg of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    if (typeof cur === 'string') out.push(cur.replace(/\{\{[^}]*\}\}/g, (m) => content.variables[m.slice(2, -2).trim()] ?? m));
  }
  return out;
}
