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
