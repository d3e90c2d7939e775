/**
 * Every draft of a collection as its own file, in one .zip: what a member hands in one by one
 * or mails to the office. Each file is named after its draft's title; two drafts with the same
 * title get （2）, （3）… so no file overwrites another when the archive is unpacked.
 */
import { zipSync } from 'fflate';
import { safeFileName } from '../../common/fileName';

export interface NamedFile {
  stem: string;
  bytes: Uint8Array;
}

/** File names from stems, made safe and unique (case-insensitively, as Windows and macOS compare them). */
export function uniqueFileNames(stems: readonly string[], ext: string): string[] {
  const taken = new Set<string>();
  return stems.map((stem) => {
    const base = safeFileName(stem, '');
    let name = `${base}${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = safeFileName(`${base}（${n}）`, ext);
    taken.add(name.toLowerCase());
    return name;
  });
}

export function filesZip(files: readonly NamedFile[], ext: string): Uint8Array {
  const names = uniqueFileNames(
    files.map((f) => f.stem),
    ext,
  );
  // .docx is already deflated: store it, a second deflate gains nothing
  return zipSync(Object.fromEntries(files.map((f, i) => [names[i], [f.bytes, { level: 0 }]])));
}
