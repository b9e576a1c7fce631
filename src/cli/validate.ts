/**
 * `npm run validate [-- --root DIR]`: prints every content problem as
 * `file:line:col  severity path: message`, then `N errors, M warnings`; exits 1 on errors.
 */
import { resolve } from 'node:path';
import { formatDiagnostic } from '../kernel/diagnostic';
import { loadValidatedContent, validateProject } from '../script/validate-project';
import { writeRuntimeCache } from '../script/runtime-cache';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { answerHelp, refuseArgs } from '../util/read-args';

const USAGE = 'usage: npm run validate [-- --root DIR] [--write-runtime-cache FILE]\nChecks dialogs/, locales/, training phrases and scanner rules; prints file:line:col problems, exits 1 on errors.';

exitOnClosedOutput(process.stdout);

/** Reads `--root DIR` (default: the current directory). */
function parseRoot(argv: string[]): string {
  answerHelp(argv, USAGE);
  const valued = ['--root', '--write-runtime-cache'];
  const unknown = argv.find((arg, i) => arg.startsWith('-') && !valued.includes(arg) && !valued.includes(argv[i - 1] ?? ''));
  if (unknown) refuseArgs('validate', `unknown option '${unknown}'`);
  const i = argv.indexOf('--root');
  if (i >= 0) {
    const dir = argv[i + 1];
    if (!dir) throw new Error('validate: --root needs a folder, e.g. npm run validate -- --root ./content');
    return resolve(dir);
  }
  return process.cwd();
}

/** Runs the validation and returns the process exit code. */
export function runValidate(argv: string[]): number {
  const diagnostics = validateProject(parseRoot(argv));
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  console.log(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  const cacheAt = argv.indexOf('--write-runtime-cache');
  if (errors === 0 && cacheAt >= 0) {
    const root = parseRoot(argv);
    const { content } = loadValidatedContent(root);
    if (content) writeRuntimeCache(root, content, resolve(argv[cacheAt + 1] ?? 'runtime-cache.bin'));
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = runValidate(process.argv.slice(2));
