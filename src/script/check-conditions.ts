/**
 * Conditions (`when`) of branch arms and say items must parse and name only variables
 * the dialog sets, its counters, or the built-ins.
 */
import { namesInCondition, parseCondition } from '../engine/conditions';
import type { Diagnostic } from '../kernel/diagnostic';
import { BUILTIN_VARS, namesSetByDialog } from './dialog-vars';
import { formatKnown } from '../kernel/known-list';
import type { DialogSource } from './read-project';
import type { RawSayItem } from './schema';
import { makeDiagnostic, type PathSeg } from '../kernel/diagnostic';
import { positionOf } from '../kernel/source-file';

/** Checks every `when` of one dialog. */
export function checkConditions(d: DialogSource): Diagnostic[] {
  const known = [...new Set([...namesSetByDialog(d.raw), ...BUILTIN_VARS.filter((n) => n !== 'evidence')])];
  const out: Diagnostic[] = [];
  const check = (path: PathSeg[], text: string) => {
    const err = (message: string) => out.push(makeDiagnostic('error', d.source.file, positionOf(d.source, path), path, message));
    try {
      for (const name of namesInCondition(parseCondition(text))) {
        if (!known.includes(name)) err(`unknown name '${name}' in condition ${formatKnown(known, 12, name)}`);
      }
    } catch (e) {
      err(`condition '${text}' does not parse: ${(e as Error).message}`);
    }
  };
  const checkSay = (base: PathSeg[], items: RawSayItem[] | undefined) =>
    items?.forEach((item, i) => {
      if (typeof item !== 'string' && item.when !== undefined) check([...base, i, 'when'], item.when);
    });
  for (const [stepId, step] of Object.entries(d.raw.steps)) {
    checkSay(['steps', stepId, 'say'], step.say);
    checkSay(['steps', stepId, 'otherwise', 'say'], step.otherwise?.say);
    step.branch?.forEach((arm, i) => {
      if ('when' in arm) check(['steps', stepId, 'branch', i, 'when'], arm.when);
    });
  }
  return out;
}
