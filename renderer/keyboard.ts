import { useAnnotations, filterAnnotations } from './store/annotations';
import { useReader } from './store/reader';
import { useFind } from './features/reader/find';
import { useUi } from './store/ui';
import { isEditing } from './components/isEditing';
import { announceMark } from './features/reader/NoteTip';
import { openPrintDialog } from './features/print/printJob';

/** Section and annotation navigation relative to the paragraph at the top of the reader. */
function step(kind: 'section' | 'annotation', delta: 1 | -1) {
  const { doc, currentBlockId, scrollTo } = useReader.getState();
  if (!doc) return;
  const ord = doc.blocks.find((b) => b.id === currentBlockId)?.ord ?? 0;
  if (kind === 'section') {
    const heads = doc.blocks.filter((b) => b.kind === 'part' || b.kind === 'section');
    const next = delta > 0 ? heads.find((b) => b.ord > ord) : [...heads].reverse().find((b) => b.ord < ord);
    if (next) scrollTo(next.id, false);
    return;
  }
  const { list, filters, selectedId, select } = useAnnotations.getState();
  const ordById = new Map(doc.blocks.map((b) => [b.id, b.ord]));
  const sorted = filterAnnotations(list, filters, ordById);
  const i = sorted.findIndex((a) => a.id === selectedId);
  const next =
    i >= 0
      ? sorted[i + delta]
      : delta > 0
        ? sorted.find((a) => (ordById.get(a.targets[0]?.blockId) ?? 0) >= ord)
        : [...sorted].reverse().find((a) => (ordById.get(a.targets[0]?.blockId) ?? 0) <= ord);
  if (next) {
    select(next.id);
    scrollTo(next.targets[0].blockId);
    // the mouse shows a note by resting on it; the keyboard by reaching it
    announceMark(next);
  }
}

export function onGlobalKey(e: KeyboardEvent): void {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'f') {
    e.preventDefault();
    useFind.getState().setOpen(true);
    return;
  }
  // The browser's own Ctrl+P would print the app's panes; ours prints the report with its marks.
  if (mod && e.key.toLowerCase() === 'p' && !e.shiftKey && !e.altKey) {
    e.preventDefault();
    openPrintDialog();
    return;
  }
  if (isEditing(e.target)) return;
  if (mod && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    void (e.shiftKey ? useAnnotations.getState().redo() : useAnnotations.getState().undo());
    return;
  }
  if (mod && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    void useAnnotations.getState().redo();
    return;
  }
  // ? (Shift+/ on most layouts): the list of every shortcut.
  if (e.key === '?' && !mod && !e.altKey) {
    e.preventDefault();
    useUi.getState().setShortcutsOpen(true);
    return;
  }
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    step('section', e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
    e.preventDefault();
    step('annotation', e.key === 'ArrowRight' ? 1 : -1);
  }
}
