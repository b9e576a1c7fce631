/** Formatting of "known alternatives" in diagnostics. */

/** `(known: a, b, c)`, truncated after `max` names, or `(none defined)`. */
export function formatKnown(names: Iterable<string>, max = 12): string {
  const list = [...names];
  if (list.length === 0) return '(none defined)';
  const shown = list.slice(0, max).join(', ');
  return `(known: ${shown}${list.length > max ? `, … ${list.length - max} more` : ''})`;
}
