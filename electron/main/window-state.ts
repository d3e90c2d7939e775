/**
 * Remembering where the window was: window-state.json in userData. The file is the user's
 * machine state, not data: a corrupt or hand-edited one is ignored, and a position on a monitor
 * that is no longer attached is dropped so the window never opens off screen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 800, height: 560 };
/** How much of the window must lie on some display for a saved position to be kept (title bar reachable). */
const MIN_VISIBLE = { width: 120, height: 60 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(100).max(100_000);
const SavedState = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Size,
  height: Size,
  maximized: z.boolean().optional(),
});

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Fit a saved state to today's displays: clamp the size, drop a position that is off every display. */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), { width: 0, height: 0 });
  const maxW = largest.width || DEFAULT_SIZE.width;
  const maxH = largest.height || DEFAULT_SIZE.height;
  const width = Math.max(Math.min(state.width, maxW), Math.min(MIN_SIZE.width, maxW));
  const height = Math.max(Math.min(state.height, maxH), Math.min(MIN_SIZE.height, maxH));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width, height };
    const visible = workAreas.some((area) => {
      const o = overlap(rect, area);
      // The top edge must be on the display too, or the title bar could be unreachable.
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && rect.y >= area.y && rect.y < area.y + area.height;
    });
    if (visible) Object.assign(fitted, { x: state.x, y: state.y });
  }
  return fitted;
}

/** The saved state fitted to the displays, or the default size (centred) when there is none or it is unusable. */
export function readWindowState(file: string, workAreas: Rect[]): WindowState {
  let saved: WindowState = { ...DEFAULT_SIZE, maximized: false };
  try {
    const parsed = SavedState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) saved = { ...parsed.data, maximized: parsed.data.maximized ?? false };
  } catch {
    // missing or not JSON: first start, or a damaged file — either way start from the default
  }
  return fitToDisplays(saved, workAreas);
}

/** Write via a temporary file and rename, so a crash mid-write never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // Losing the window position is not worth an error dialog on quit.
  }
}
