/**
 * Which logical IDs a piece of CloudFormation refers to, and renaming such a reference. Both
 * read plain JSON: templates, or resources after placement/groups.ts made them plain.
 */

/** Logical IDs referenced by Ref, Fn::GetAtt or Fn::Sub anywhere inside a value. */
export function references(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    // for...in rather than Object.entries: this walks every resource of every build.
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (k === 'Ref') {
        if (typeof v === 'string') out.add(v);
      } else if (k === 'Fn::GetAtt') out.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);
      else if (k === 'Fn::Sub')
        for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/g))
          out.add(m[1]);
      else if (v !== null && typeof v === 'object') references(v, out);
    }
  }
  return out;
}

/** A copy of `value` with every Ref / Fn::Sub reference to `from` pointing at `to` instead (a stack parameter). */
export function renameReference(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameReference(v, from, to));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === 'Ref' && v === from) return [k, to];
      if (k === 'Fn::Sub') {
        const rename = (text: string) => text.replaceAll(`\${${from}}`, `\${${to}}`);
        return [
          k,
          typeof v === 'string'
            ? rename(v)
            : Array.isArray(v)
              ? [rename(String(v[0])), renameReference(v[1], from, to)]
              : v,
        ];
      }
      return [k, renameReference(v, from, to)];
    }),
  );
}
