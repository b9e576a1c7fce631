/** Severity of a content problem: errors block start-up, warnings inform. */
export type Severity = 'error' | 'warning';

/** One problem found in dialogs/ or locales/, printed as one line. */
export interface Diagnostic {
  severity: Severity;
  /** Path relative to the project root, with forward slashes (`dialogs/check-offer.yaml`). */
  file: string;
  line: number;
  col: number;
  /** Path inside the file (`steps.ask_fee.choices.yes.goto`), or '' for the whole file. */
  path: string;
  /** What is wrong and the known alternatives, e.g. `unknown step 'ask_vis' (known: intro, ask_fee)`. */
  message: string;
}

/** A segment of a path inside a file: a map key or a list index. */
export type PathSeg = string | number;

/** Renders a path the way diagnostics print it: `steps.ask_fee.branch[1].goto`. */
export function formatPath(path: readonly PathSeg[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** Builds one diagnostic. */
export function makeDiagnostic(
  severity: Diagnostic['severity'],
  file: string,
  pos: { line: number; col: number },
  path: readonly PathSeg[] | string,
  message: string,
): Diagnostic {
  return { severity, file, line: pos.line, col: pos.col, path: typeof path === 'string' ? path : formatPath(path), message };
}

/** Formats a diagnostic the way `npm run validate` prints it: `file:line:col  error    path: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.col}`;
  const what = d.path ? `${d.path}: ${d.message}` : d.message;
  return `${where}  ${d.severity.padEnd(8)} ${what}`;
}

/** Sorts diagnostics by file, line, column, then message, for stable output. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}
