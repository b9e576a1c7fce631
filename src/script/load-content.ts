/**
 * Loads and validates the content of a project: dialogs/*.yaml, _global.yaml,
 * _variables.yaml and locales/<lang>/*.json. Content is returned only when there is no
 * error; warnings do not block.
 */
import { perLanguage } from '../kernel/lang';
import type { Intent } from '../kernel/intent';
import type { Content, Dialog, GlobalConfig } from '../engine/types';
import { buildDialog, parseTarget } from './build-dialog';
import { checkConditions } from './check-conditions';
import { checkLocales } from './check-locales';
import { checkReachability } from './check-reachability';
import { checkReferences } from './check-references';
import { sortDiagnostics, type Diagnostic } from '../kernel/diagnostic';
import { readProject, type ProjectSources } from './read-project';

/**
 * Reads and validates the content under `rootDir`.
 * @returns `content` (null when any diagnostic is an error) and every diagnostic, sorted.
 */
export function loadContent(rootDir: string): { content: Content | null; diagnostics: Diagnostic[] } {
  const project = readProject(rootDir);
  const diagnostics = [...project.diagnostics];
  // Cross-file checks need every file readable; otherwise they would report noise.
  if (!diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...checkReferences(project));
    for (const d of project.dialogs) diagnostics.push(...checkConditions(d));
    diagnostics.push(...checkLocales(project), ...checkReachability(project));
  }
  const sorted = sortDiagnostics(diagnostics);
  const failed = sorted.some((d) => d.severity === 'error') || !project.global;
  return { content: failed ? null : buildContent(project), diagnostics: sorted };
}

function buildContent(project: ProjectSources): Content {
  const dialogs: Record<string, Dialog> = {};
  for (const d of project.dialogs) dialogs[d.raw.id] = buildDialog(d.source, d.raw);
  const g = project.global!.raw;
  const global: GlobalConfig = {
    welcome: g.welcome,
    menu: g.menu,
    fallback: g.fallback,
    on_stuck: g.on_stuck,
    on_offer_text: g.on_offer_text,
    ...(g.on_possible_danger ? { on_possible_danger: g.on_possible_danger } : {}),
    content_changed: g.content_changed,
    interruptions: g.interruptions.map((i) => ({ intent: i.intent as Intent, goto: parseTarget(i.goto), resume: i.resume })),
  };
  const locales = perLanguage((): Record<string, unknown> => ({}));
  for (const l of project.locales) locales[l.lang][l.ns] = l.source.data;
  const variables = Object.fromEntries(Object.entries(project.variables?.raw.variables ?? {}).map(([k, v]) => [k, String(v)]));
  return deepFreeze({ version: project.version, dialogs, global, variables, locales });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
