/** Character offset in a paragraph's text at a screen point, or null if the browser cannot say. */
export function offsetAtPoint(textEl: Element, x: number, y: number): number | null {
  const caret = document.caretRangeFromPoint?.(x, y);
  if (!caret || !textEl.contains(caret.startContainer)) return null;
  const r = document.createRange();
  r.setStart(textEl, 0);
  r.setEnd(caret.startContainer, caret.startOffset);
  return r.toString().length;
}
