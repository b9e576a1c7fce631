/**
 * Which variables of a dialog can still change what the user sees, from each step on.
 * The crawler keys states on these only: two states at the same step whose relevant
 * variables agree behave the same from there, so exploring one of them is enough. This
 * keeps the crawl exact while the offer check's 3^10 answer combinations collapse once
 * the answers have been read.
 */
import type { Content, Dialog, Step, Target } from '../../../src/engine/types';

const CONDITION_NAME = /([A-Za-z_]\w*)\s*(?:==|!=|>=|<=|>|<)/g;
const TEXT_VAR = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** `dialog.step` -> names of the frame variables that may be read from that step on. */
export type RelevantVars = Map<string, Set<string>>;

function namesIn(pattern: RegExp, text: string | undefined, into: Set<string>): void {
  if (text) for (const m of text.matchAll(pattern)) into.add(m[1]!);
}

/** Looks up a nested locale value by an absolute key, in every language. */
function textsOf(content: Content, key: string): string[] {
  const [ns, ...rest] = key.split(':');
  const pathParts = rest.join(':').split('.');
  return Object.values(content.locales).map((byNs) => {
    let node: unknown = byNs[ns ?? ''];
    for (const p of pathParts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    return typeof node === 'string' ? node : '';
  });
}

/** Variables a step reads itself: conditions, and `{{names}}` in its texts and labels. */
function readsOf(content: Content, step: Step): Set<string> {
  const names = new Set<string>();
  for (const item of step.say) {
    namesIn(CONDITION_NAME, item.when, names);
    const keys = item.each ? Object.values(content.locales).flatMap(() => [item.key]) : [item.key];
    for (const k of keys) for (const t of textsOf(content, k)) namesIn(TEXT_VAR, t, names);
  }
  for (const arm of step.branch ?? []) namesIn(CONDITION_NAME, arm.when, names);
  for (const c of step.choices ?? []) for (const t of textsOf(content, c.label)) namesIn(TEXT_VAR, t, names);
  for (const item of step.otherwise?.say ?? []) for (const t of textsOf(content, item.key)) namesIn(TEXT_VAR, t, names);
  return names;
}

/** Steps of the same dialog that can follow `step`. */
function successorsOf(step: Step): string[] {
  const targets: (Target | undefined)[] = [
    step.next,
    step.otherwise?.goto,
    ...(step.choices ?? []).map((c) => c.goto),
    ...(step.branch ?? []).map((a) => a.goto),
  ];
  return targets.flatMap((t) => (t && 'step' in t ? [t.step] : []));
}

function relevantOfDialog(content: Content, dialog: Dialog, into: RelevantVars): void {
  const own = new Map(Object.values(dialog.steps).map((s) => [s.id, readsOf(content, s)]));
  const result = new Map(Object.values(dialog.steps).map((s) => [s.id, new Set(own.get(s.id))]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of Object.values(dialog.steps)) {
      const mine = result.get(s.id)!;
      for (const next of successorsOf(s)) {
        for (const v of result.get(next) ?? []) if (!mine.has(v)) { mine.add(v); changed = true; }
      }
    }
  }
  for (const [stepId, names] of result) into.set(`${dialog.id}.${stepId}`, names);
}

/** Computes the relevant variables of every step of every dialog. */
export function computeRelevantVars(content: Content): RelevantVars {
  const map: RelevantVars = new Map();
  for (const d of Object.values(content.dialogs)) relevantOfDialog(content, d, map);
  return map;
}

const NUMERIC_COMPARISON = /([A-Za-z_]\w*)\s*(?:==|!=|>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)(?![\w.])/g;

/**
 * `dialog` -> counter -> the largest number it is compared with, for counters that only
 * ever grow (every `add` is positive). Once a counter reaches that number, no condition
 * can tell its values apart any more, so the crawler may key states on min(value, cap):
 * a questionnaire's "not sure" count of 3 or 9 behaves the same.
 */
export type CounterCaps = Map<string, Map<string, number>>;

/** Computes the caps of every dialog (see {@link CounterCaps}). */
export function computeCounterCaps(content: Content): CounterCaps {
  const caps: CounterCaps = new Map();
  for (const d of Object.values(content.dialogs)) {
    // Counters shown in a text ({{score}}) are never capped: their value is what the user reads.
    const texts = JSON.stringify(Object.values(content.locales).map((byNs) => byNs[d.id]));
    const growing = new Set(d.counters.filter((c) => !texts.includes(`{{${c}}}`)));
    const conditions: string[] = [];
    for (const s of Object.values(d.steps)) {
      for (const c of s.choices ?? []) for (const [name, n] of Object.entries(c.add)) if (n < 0) growing.delete(name);
      for (const item of s.say) if (item.when) conditions.push(item.when);
      for (const arm of s.branch ?? []) if (arm.when) conditions.push(arm.when);
    }
    const mine = new Map<string, number>();
    for (const cond of conditions) {
      for (const m of cond.matchAll(NUMERIC_COMPARISON)) {
        const name = m[1]!;
        if (growing.has(name)) mine.set(name, Math.max(mine.get(name) ?? 0, Number(m[2])));
      }
    }
    caps.set(d.id, mine);
  }
  return caps;
}
