/** Stage 1, load: read every YAML file of the spec folder, parse it keeping positions. */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { isStateLanguageFile, listYamlTree, parseSource, SCHEMAS_FOLDER, type SourceFile } from '../yaml/source.js';

export interface Loaded {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Load every YAML file in `dir` (but spec/schemas/, which holds body schemas, and workflow definitions *.asl.yaml); file names in messages are relative to `root`. */
export function loadDirectory(dir: string, root: string): Loaded {
  const sources: SourceFile[] = [];
  const listing = listYamlTree(dir, root, [SCHEMAS_FOLDER]);
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  for (const full of listing.files.filter((f) => !isStateLanguageFile(f))) {
    const file = relative(root, full) || full;
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push(
        error(
          'GEN348',
          `cannot read spec file ${file}: ${code === 'EACCES' ? 'permission denied' : String((e as Error).message)}`,
          { file, path: [] },
          code === 'EACCES'
            ? `let your user read it (chmod u+r ${file}), or move it out of the spec folder`
            : 'fix or remove it',
        ),
      );
      continue;
    }
    if (bytes.includes(0)) {
      diagnostics.push(
        error('GEN101', 'this file is binary, not YAML', { file, path: [] }, 'remove it from the spec folder'),
      );
      continue;
    }
    const bad = isUtf8(bytes) ? undefined : firstInvalidUtf8(bytes);
    if (bad !== undefined) {
      // The offset counts characters of the text as read (the valid part before the bad byte), which is what positions are made of.
      const offset = bytes.subarray(0, bad).toString('utf8').length;
      diagnostics.push(
        error(
          'GEN344',
          `this file is not UTF-8: byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} here starts no UTF-8 character (was the file saved as Latin-1 or Windows-1252?)`,
          { file, path: [], offset },
          'save the file as UTF-8 (in most editors: Save with Encoding, UTF-8), then check the characters here',
        ),
      );
      continue;
    }
    const parsed = parseSource(file, bytes.toString('utf8'));
    sources.push(parsed.source);
    diagnostics.push(...parsed.diagnostics);
  }
  return { sources, diagnostics };
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or undefined when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: length, and the range of the second byte (excludes overlongs, surrogates, > U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return undefined;
}
