/**
 * AWS's limits on what spec values become: tag values (the project's owner and cost centre are
 * tags on every resource) and physical names, which carry the environment as a prefix. A value
 * past them builds, then fails at deploy; these checks say which limit it passes, at the spec.
 */

/** AWS's tag value pattern (the Tag type of the resource APIs; cfn-lint E3031) and length, in Unicode characters. */
export const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TAG_VALUE_MAX_LENGTH = 256;
const TAG_CHARACTER = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
export const TAG_VALUE_WORDS = 'letters, digits, spaces and _ . : / = + - @';

/** A character as a message shows it: itself in quotes, or its code point when invisible. */
const shown = (c: string) =>
  /^\p{C}$/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`;

/** Why `value` cannot be the value of AWS tag `tag` (what is wrong and a fix), or undefined when it can. */
export function tagValueProblem(
  what: string,
  tag: string,
  value: string,
): { message: string; fix: string } | undefined {
  const characters = [...value];
  if (characters.length > TAG_VALUE_MAX_LENGTH) {
    return {
      message: `${what} is ${characters.length} characters long, and AWS tag values (the ${tag} tag) hold at most ${TAG_VALUE_MAX_LENGTH}`,
      fix: `shorten it to ${TAG_VALUE_MAX_LENGTH} characters or fewer`,
    };
  }
  if (TAG_VALUE_PATTERN.test(value)) return undefined;
  const bad = [...new Set(characters.filter((c) => !TAG_CHARACTER.test(c)))];
  const cleaned = characters
    .map((c) => (TAG_CHARACTER.test(c) ? c : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    message: `${what} becomes the ${tag} tag, and AWS tag values may not contain ${bad.map(shown).join(', ')}`,
    fix: `use ${TAG_VALUE_WORDS} only (AWS's tag value pattern)${cleaned ? `, for example '${cleaned}'` : ''}`,
  };
}

/**
 * The first environment in which `physical(env)` is longer than `limit` (the longest name is
 * the one that fails), with a message saying which limit it passes and how short the spec
 * name must be, or undefined when it fits in every environment.
 */
export function physicalNameProblem(
  noun: string,
  name: string,
  environments: readonly string[],
  physical: (env: string) => string,
  limit: { max: number; what: string },
): { message: string; fix: string } | undefined {
  const longest = [...environments].sort((a, b) => physical(b).length - physical(a).length || a.localeCompare(b))[0];
  if (longest === undefined) return undefined;
  const full = physical(longest);
  if (full.length <= limit.max) return undefined;
  const room = limit.max - (full.length - name.length);
  return {
    message:
      `${noun} name '${name}' becomes '${full.length > 80 ? `${full.slice(0, 77)}...` : full}' in environment ${longest}: ${full.length} characters, and ${limit.what} may have at most ${limit.max}` +
      ` (the environment prefix counts)`,
    fix:
      room > 0
        ? `shorten the name to ${room} characters or fewer`
        : `shorten the environment name '${longest}' (environments/${longest}.yaml)`,
  };
}
