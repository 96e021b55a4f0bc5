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
        for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/g))
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

/** The attributes of `target` that a value reads, with Fn::GetAtt (either form) or `${target.Attribute}` in Fn::Sub. */
export function attributeReads(value: unknown, target: string, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) attributeReads(v, target, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const read = k === 'Fn::GetAtt' ? getAttParts(v) : undefined;
      if (read?.[0] === target) out.add(read[1]);
      else if (k === 'Fn::Sub')
        for (const m of String(Array.isArray(v) ? v[0] : v).matchAll(SUB_ATTRIBUTE)) if (m[1] === target) out.add(m[2]);
      if (k !== 'Fn::GetAtt') attributeReads(v, target, out);
    }
  }
  return out;
}

/** A copy of `value` with every read of `target`'s `attribute` turned into a Ref of `to` (a stack parameter). */
export function renameAttribute(value: unknown, target: string, attribute: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameAttribute(v, target, attribute, to));
  if (!value || typeof value !== 'object') return value;
  const read = getAttParts((value as Record<string, unknown>)['Fn::GetAtt']);
  if (read?.[0] === target && read[1] === attribute && Object.keys(value).length === 1) return { Ref: to };
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === 'Fn::Sub') {
        const rename = (text: string) => text.replaceAll(`\${${target}.${attribute}}`, `\${${to}}`);
        return [
          k,
          typeof v === 'string'
            ? rename(v)
            : Array.isArray(v)
              ? [rename(String(v[0])), renameAttribute(v[1], target, attribute, to)]
              : v,
        ];
      }
      return [k, renameAttribute(v, target, attribute, to)];
    }),
  );
}

/** `${Resource.Attribute.Part}` in a Fn::Sub string: the resource and the whole attribute. */
const SUB_ATTRIBUTE = /\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}/g;

/** [logical ID, attribute] of a Fn::GetAtt's value (['Cache', 'PrimaryEndPoint.Address'] or 'Cache.PrimaryEndPoint.Address'). */
function getAttParts(v: unknown): [string, string] | undefined {
  if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  if (typeof v === 'string' && v.includes('.')) {
    const dot = v.indexOf('.');
    return [v.slice(0, dot), v.slice(dot + 1)];
  }
  return undefined;
}
