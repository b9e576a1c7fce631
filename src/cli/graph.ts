/**
 * `npm run graph [-- --root DIR] [--out DIR]`: writes one Mermaid diagram per dialog
 * into docs/flows/ and docs/flows/README.md linking them.
 */
import { join, relative } from 'node:path';
import { formatDiagnostic } from '../kernel/diagnostic';
import { loadContent } from '../script/load-content';
import { writeFlows } from '../tools/graph/write-flows';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run graph [-- --root DIR] [--out DIR]\nWrites one Mermaid diagram per dialog to docs/flows/ (or --out) and a README linking them.';

/** Writes the diagrams; 1 when the dialogs have errors. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('graph', USAGE, argv, io, () => {
    const { values } = readArgs('graph', { options: { root: { type: 'string' }, out: { type: 'string' } } }, argv);
    const root = values.root ?? process.cwd();
    const outDir = values.out ?? join(root, 'docs', 'flows');
    const { content, diagnostics } = loadContent(root);
    if (!content) {
      for (const d of diagnostics.filter((x) => x.severity === 'error')) io.stderr.write(`${formatDiagnostic(d)}\n`);
      io.stderr.write('The dialogs have errors (above): fix them, then run npm run graph again.\n');
      return 1;
    }
    const { written, removed } = writeFlows(content, outDir);
    const shown = relative(process.cwd(), outDir) || '.';
    io.stdout.write(`Wrote ${written.length - 1} diagrams and README.md to ${shown}/\n`);
    for (const name of written) io.stdout.write(`  ${shown}/${name}\n`);
    for (const name of removed) io.stdout.write(`  removed ${shown}/${name} (dialog no longer exists)\n`);
    return 0;
  });
}

runIfMain(import.meta.url, run);
