/**
 * Whether a key press belongs to a field being typed in: single-key shortcuts (1–6, N, P, ?)
 * must never steal a character from an input, a text area, a select or editable text.
 */
export function isEditing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}
