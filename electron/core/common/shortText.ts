/**
 * Text cut for one-line labels — draft titles in the back end, passage chips in the renderer —
 * so a citation is shortened the same way wherever it is shown.
 */

/** Cuts text to `max` characters (code points) with an ellipsis, for list titles. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('') + '…';
}

/**
 * A long citation cut for a one-line label: the passage's own words (its lead sentence) tell
 * paragraphs apart, the part and heading in front of them do not, so the front goes.
 */
export function shortPath(path: string, max = 24): string {
  if ([...path].length <= max) return path;
  const lead = path.lastIndexOf('中“');
  const tail = lead > 0 ? path.slice(lead + 1) : path;
  return [...tail].length < [...path].length ? shorten(`…${tail}`, max) : shorten(path, max);
}
