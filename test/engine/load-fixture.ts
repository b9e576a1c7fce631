/** Loads content for tests, failing with every diagnostic when it is invalid. */
import { formatDiagnostic } from '../../src/kernel/diagnostic';
import { loadContent } from '../../src/script/load-content';
import type { Content } from '../../src/engine/types';

/** Loads `dir` or throws listing its errors. */
export function loadContentOrThrow(dir: string): Content {
  const { content, diagnostics } = loadContent(dir);
  if (!content) throw new Error(`invalid content in ${dir}:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return content;
}
