/**
 * `npm run graph [-- --root DIR] [--out DIR]`: writes one Mermaid diagram per dialog
 * into docs/flows/ and docs/flows/README.md linking them.
 */
import { join, relative } from 'node:path';
import { formatDiagnostic } from '../kernel/diagnostic';
import { loadContent } from '../script/load-content';
import { writeFlows } from '../tools/graph/write-flows';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run graph [-- --root DIR] [--out DIR]\nWrites one Mermaid diagram per dialog to docs/flows/ (or --out) and a README linking them.';

exitOnClosedOutput(process.stdout);

const { values } = readArgs('graph', USAGE, { options: { root: { type: 'string' }, out: { type: 'string' } } });
const root = values.root ?? process.cwd();
const outDir = values.out ?? join(root, 'docs', 'flows');

const { content, diagnostics } = loadContent(root);
if (!content) {
  for (const d of diagnostics.filter((x) => x.severity === 'error')) console.error(formatDiagnostic(d));
  console.error('The dialogs have errors (above): fix them, then run npm run graph again.');
  process.exit(1);
}
const { written, removed } = writeFlows(content, outDir);
const shown = relative(process.cwd(), outDir) || '.';
console.log(`Wrote ${written.length - 1} diagrams and README.md to ${shown}/`);
for (const name of written) console.log(`  ${shown}/${name}`);
for (const name of removed) console.log(`  removed ${shown}/${name} (dialog no longer exists)`);
