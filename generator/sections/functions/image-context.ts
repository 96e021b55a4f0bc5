/**
 * A container image's build context: the files `docker build` sends (every file under the
 * folder, minus what a .dockerignore excludes) and their hash, which tags the image. The tag
 * is known without Docker, so templates stay deterministic and change exactly when the
 * context (or the Dockerfile, or the architecture it is built for) does.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** One .dockerignore line as a matcher; `!` lines re-include. */
interface IgnoreRule {
  exclude: boolean;
  pattern: RegExp;
}

/** Docker's pattern syntax, the common part: `*`, `?`, `**` (any number of folders), a leading `/` or `./` ignored. */
function toRegExp(pattern: string): RegExp {
  const clean = pattern.replace(/^\.?\//, '').replace(/\/+$/, '');
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '*' && clean[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` everything below.
      source += clean[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += clean[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern matching a folder excludes everything under it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

export function ignoreRules(text: string): IgnoreRule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) =>
      line.startsWith('!')
        ? { exclude: false, pattern: toRegExp(line.slice(1)) }
        : { exclude: true, pattern: toRegExp(line) },
    );
}

/** Whether the context leaves this file out: the last rule that matches decides, as in Docker. */
export function ignored(rules: IgnoreRule[], file: string): boolean {
  let out = false;
  for (const rule of rules) if (rule.pattern.test(file)) out = rule.exclude;
  return out;
}

/** Files under `folder` (relative, `/`-separated, sorted), symbolic links included as links. */
function walk(folder: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(folder, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => {
      const file = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? walk(folder, file) : [file];
    })
    .sort();
}

/** The files of the context, the Dockerfile and .dockerignore always among them (Docker reads both). */
export function contextFiles(folder: string, dockerfile: string): string[] {
  const ignoreFile = join(folder, '.dockerignore');
  const rules = existsSync(ignoreFile) ? ignoreRules(readFileSync(ignoreFile, 'utf8')) : [];
  return walk(folder).filter((f) => f === dockerfile || f === '.dockerignore' || !ignored(rules, f));
}

/**
 * sha256 of what builds the image: the architecture, the Dockerfile's name, then each file's
 * path, whether it is executable (COPY keeps the mode) and its content (a link: its target).
 */
export function contextHash(folder: string, dockerfile: string, architecture: string): string {
  const hash = createHash('sha256').update(`image\0${architecture}\0${dockerfile}\0`);
  for (const file of contextFiles(folder, dockerfile)) {
    const full = join(folder, file);
    const stat = lstatSync(full);
    const content = stat.isSymbolicLink() ? Buffer.from(`link:${readlinkSync(full)}`) : readFileSync(full);
    hash
      .update(file)
      .update(stat.mode & 0o111 ? '\0x\0' : '\0-\0')
      .update(content)
      .update('\0');
  }
  return hash.digest('hex');
}
