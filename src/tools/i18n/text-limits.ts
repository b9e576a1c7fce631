/**
 * The longest each text may be, carried with the texts into translation files (a CSV
 * column, XLIFF `maxwidth`) and checked again on import: button labels 20 characters
 * (what channels show), messages 640 (Messenger's limit), the same limits `npm run
 * validate` applies. `{{variables}}` count with their value from dialogs/_variables.yaml
 * (counters such as `{{score}}` as two digits).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTER_PLACEHOLDERS, MAX_LABEL, MAX_MESSAGE } from '../../script/check-locales';
import { collectKeyUses } from '../../script/key-uses';
import { substituteVariables } from '../../script/locale-index';
import { readProject } from '../../script/read-project';

/** Limits of the texts of one project. */
export interface TextLimits {
  /** Longest allowed length of the text `namespace:path`. */
  limitOf(key: string): number;
  /** Length of `text` as users see it (variables replaced by their values). */
  measure(text: string): number;
}

/** A key named like a choice label (`<step>.choices.<id>`), for projects without dialogs. */
const LABEL_KEY = /:(?:.+\.)?choices\.[^.]+$/;

/** Reads the limits of the project whose `locales/` folder is `localesDir` (its dialogs, when present, name the labels). */
export function readTextLimits(localesDir: string): TextLimits {
  const root = join(localesDir, '..');
  const labels = new Set<string>();
  let globals: Record<string, string> = {};
  if (existsSync(join(root, 'dialogs'))) {
    const project = readProject(root);
    for (const use of collectKeyUses(project)) if (use.kind === 'label') labels.add(use.key);
    globals = Object.fromEntries(Object.entries(project.variables?.raw.variables ?? {}).map(([k, v]) => [k, String(v)]));
  }
  return {
    limitOf: (key) => (labels.has(key) || LABEL_KEY.test(key) ? MAX_LABEL : MAX_MESSAGE),
    // Counters the engine fills (a score, a number of signs) count as two digits, as in npm run validate.
    measure: (text) => [...substituteVariables(text, { ...COUNTER_PLACEHOLDERS, ...globals })].length,
  };
}
