/** Which logical IDs a piece of CloudFormation refers to, and renaming such a reference. */

/** cloudform's intrinsic functions are objects that become {"Fn::Sub": ...} only through toJSON. */
const plain = (value: unknown): unknown =>
  value && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;

/** Logical IDs referenced by Ref, Fn::GetAtt or Fn::Sub anywhere inside a value. */
export function references(input: unknown, out = new Set<string>()): Set<string> {
  const value = plain(input);
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    // for...in rather than Object.entries: this walks every resource of every build.
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (k === 'Ref') { if (typeof v === 'string') out.add(v); }
      else if (k === 'Fn::GetAtt') out.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]);
      else if (k === 'Fn::Sub') for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/g)) out.add(m[1]);
      else if (v !== null && typeof v === 'object') references(v, out);
    }
  }
  return out;
}

/** A copy of `value` with every Ref / Fn::Sub reference to `from` pointing at `to` instead (a stack parameter). */
export function renameReference(input: unknown, from: string, to: string): unknown {
  const value = plain(input);
  if (Array.isArray(value)) return value.map((v) => renameReference(v, from, to));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (k === 'Ref' && v === from) return [k, to];
    if (k === 'Fn::Sub') {
      const rename = (text: string) => text.replaceAll(`\${${from}}`, `\${${to}}`);
      return [k, typeof v === 'string' ? rename(v) : Array.isArray(v) ? [rename(String(v[0])), renameReference(v[1], from, to)] : v];
    }
    return [k, renameReference(v, from, to)];
  }));
}
