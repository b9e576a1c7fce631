/**
 * Which locale keys the dialogs use, and where (for messages): say items, otherwise
 * texts, choice labels and `_global.content_changed`.
 */
import { HANDOFF_DIALOG, NOTICE_CHOICES, NOTICE_TEXT_KEYS } from '../kernel/handoff-notice-keys';
import { FLAG_IDS } from '../kernel/scan-result';
import { resolveKey } from './build-dialog';
import type { DialogSource, ProjectSources } from './read-project';
import type { RawSayItem } from './schema';
import type { PathSeg } from '../kernel/diagnostic';
import type { SourceFile } from '../kernel/source-file';

export interface KeyUse {
  /** Absolute key, `namespace:path`. */
  key: string;
  kind: 'text' | 'label';
  /** Dialog whose variables the text may use; null for `_global.yaml`. */
  dialog: DialogSource | null;
  source: SourceFile;
  path: PathSeg[];
}

/** Every key used by the project, in file order. `each: scan_flags` keys are expanded per flag id. */
export function collectKeyUses(project: ProjectSources): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const d of project.dialogs) {
    const add = (key: string, kind: KeyUse['kind'], path: PathSeg[]) => uses.push({ key, kind, dialog: d, source: d.source, path });
    const addSay = (stepId: string, items: RawSayItem[] | undefined, base: PathSeg[]) =>
      items?.forEach((item, i) => {
        const key = resolveKey(d.raw.id, stepId, typeof item === 'string' ? item : item.key);
        const path = typeof item === 'string' ? [...base, i] : [...base, i, 'key'];
        if (typeof item !== 'string' && item.each === 'scan_flags') FLAG_IDS.forEach((id) => add(key.replaceAll('{id}', id), 'text', path));
        else add(key, 'text', path);
      });
    for (const [stepId, step] of Object.entries(d.raw.steps)) {
      addSay(stepId, step.say, ['steps', stepId, 'say']);
      addSay(stepId, step.otherwise?.say, ['steps', stepId, 'otherwise', 'say']);
      for (const [choiceId, c] of Object.entries(step.choices ?? {})) {
        const path: PathSeg[] = c.label ? ['steps', stepId, 'choices', choiceId, 'label'] : ['steps', stepId, 'choices', choiceId];
        uses.push({ key: c.label ?? `${d.raw.id}:${stepId}.choices.${choiceId}`, kind: 'label', dialog: d, source: d.source, path });
      }
    }
  }
  // The hand-off code's own texts count as used by the hand-off dialog (checked like its texts).
  const handoff = project.dialogs.find((d) => d.raw.id === HANDOFF_DIALOG);
  if (handoff) {
    for (const key of Object.values(NOTICE_TEXT_KEYS)) uses.push({ key, kind: 'text', dialog: handoff, source: handoff.source, path: ['id'] });
    for (const key of Object.values(NOTICE_CHOICES)) uses.push({ key, kind: 'label', dialog: handoff, source: handoff.source, path: ['id'] });
  }
  if (project.global) {
    uses.push({ key: project.global.raw.content_changed, kind: 'text', dialog: null, source: project.global.source, path: ['content_changed'] });
  }
  return uses;
}

/** Splits `ns:a.b` into its namespace and path segments. */
export function splitKey(key: string): { ns: string; path: string[] } {
  const i = key.indexOf(':');
  return { ns: key.slice(0, i), path: key.slice(i + 1).split('.') };
}
