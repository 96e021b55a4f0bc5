// Stand-in for `string-width` in the bundled CLI (scripts/bundle.mjs). The real module builds
// an Intl.Segmenter and Unicode-property regexes when it loads, ~30 ms of every gen run, to
// lay out --help text that is plain ASCII. This keeps what matters for a terminal: ANSI codes
// take no space, control and combining characters take none, East Asian wide characters two.
import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';

export default function stringWidth(text, options = {}) {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const plain = options.countAnsiEscapeCodes ? text : stripAnsi(text);
  let width = 0;
  for (const character of plain) {
    const code = character.codePointAt(0);
    if (
      code < 0x20 ||
      (code >= 0x7f && code < 0xa0) ||
      (code >= 0x300 && code <= 0x36f) ||
      (code >= 0x200b && code <= 0x200f) ||
      code === 0xfe0f
    )
      continue;
    width += eastAsianWidth(code, { ambiguousAsWide: options.ambiguousIsNarrow === false });
  }
  return width;
}
