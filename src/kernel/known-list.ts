/** Formatting of "known alternatives" in diagnostics. */

/** Edit distance between `a` and `b` (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * `(known: a, b, c)`, truncated after `max` names, or `(none defined)`. When the list is cut
 * and `wanted` (the misspelt name) is given, the closest names come first, so the likely
 * fix (`a11` for `a1l`) is never among the names left out.
 */
export function formatKnown(names: Iterable<string>, max = 12, wanted?: string): string {
  let list = [...names];
  if (list.length === 0) return '(none defined)';
  if (wanted !== undefined && list.length > max) {
    list = list
      .map((name, index) => ({ name, index, distance: editDistance(wanted, name) }))
      .sort((x, y) => x.distance - y.distance || x.index - y.index)
      .map((x) => x.name);
  }
  const shown = list.slice(0, max).join(', ');
  return `(known: ${shown}${list.length > max ? `, … ${list.length - max} more` : ''})`;
}
