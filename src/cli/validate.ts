/**
 * `npm run validate [-- --root DIR] [--write-runtime-cache FILE]`: prints every content problem
 * as `file:line:col  severity path: message`, then `N errors, M warnings`; exits 1 on errors.
 */
import { resolve } from 'node:path';
import { formatDiagnostic } from '../kernel/diagnostic';
import { loadValidatedContent } from '../script/validate-project';
import { writeRuntimeCache } from '../script/runtime-cache';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run validate [-- --root DIR] [--write-runtime-cache FILE]\nChecks dialogs/, locales/, training phrases and scanner rules; prints file:line:col problems, exits 1 on errors.';

/** Validates the project and prints its problems; 1 when there are errors. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('validate', USAGE, argv, io, () => {
    const { values } = readArgs('validate', { options: { root: { type: 'string' }, 'write-runtime-cache': { type: 'string' } } }, argv);
    const root = resolve(values.root ?? process.cwd());
    const { content, diagnostics } = loadValidatedContent(root);
    for (const d of diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    io.stdout.write(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}\n`);
    const cacheFile = values['write-runtime-cache'];
    if (errors === 0 && cacheFile && content) writeRuntimeCache(root, content, resolve(cacheFile));
    return errors > 0 ? 1 : 0;
  });
}

runIfMain(import.meta.url, run);
