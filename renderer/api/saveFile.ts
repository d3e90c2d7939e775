/**
 * Saving a file the back end produces, the same way for every export: the desktop app asks
 * where (native save dialog) and has the back end write the file there, so it arrives whole;
 * the browser downloads the bytes the back end returned inline.
 */
import { api, isDesktop } from './client';

/** What every producing method returns: inline bytes, or the path it wrote to. */
export interface ProducedFile {
  fileName: string;
  mime?: string;
  dataBase64?: string;
  path?: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The browser saves a file by "downloading" it from a blob: URL. */
export function downloadBase64(fileName: string, dataBase64: string, mime = 'application/octet-stream'): void {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Produces a file and saves it. `produce()` without a destination returns the bytes inline
 * (and the suggested name); with one, the back end writes there. Returns what was saved (its
 * `path` on the desktop), or null when the user cancelled the save dialog. Errors propagate.
 */
export async function saveProducedFile<R extends ProducedFile>(
  produce: (destination?: string) => Promise<R>,
  filter: FileFilter,
  fallbackMime?: string,
): Promise<R | null> {
  const inline = await produce();
  if (isDesktop) {
    const { path } = await api['dialog.saveFile']({ defaultName: inline.fileName, filters: [filter] });
    if (!path) return null;
    return produce(path);
  }
  downloadBase64(inline.fileName, inline.dataBase64 ?? '', inline.mime ?? fallbackMime);
  return inline;
}
