/**
 * Reading names and ARNs as templates write them: plain strings, Fn::Sub (with `${AWS::Partition}`
 * and the like, whose `::` would break a naive split), Fn::Join, Ref and Fn::GetAtt.
 */

/**
 * The texts a value can take. A reference becomes a `${Id}` / `${Id.Attribute}` placeholder (it names
 * one resource and holds no wildcard of its own); Fn::If gives both branches; anything else, none.
 */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const v = value as Record<string, any>;
  if ('Ref' in v) return [`\${${v.Ref}}`];
  if ('Fn::GetAtt' in v) return [`\${${[v['Fn::GetAtt']].flat().join('.')}}`];
  if ('Fn::Sub' in v) return [Array.isArray(v['Fn::Sub']) ? String(v['Fn::Sub'][0]) : String(v['Fn::Sub'])];
  if ('Fn::Join' in v && Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'];
    if (!Array.isArray(parts)) return [];
    const rendered = parts.map((p) => textsOf(p)[0] ?? '${?}');
    return [rendered.join(String(separator))];
  }
  if ('Fn::If' in v && Array.isArray(v['Fn::If'])) return [...textsOf(v['Fn::If'][1]), ...textsOf(v['Fn::If'][2])];
  return [];
}

/** Text with each `${...}` replaced by a marker holding no ':' '/' or '*', and the way back. */
function masked(text: string): { text: string; unmask: (part: string) => string } {
  const placeholders: string[] = [];
  const replaced = text.replace(/\$\{[^}]*\}/g, (m) => `\u0000${placeholders.push(m) - 1}\u0000`);
  return { text: replaced, unmask: (part) => part.replace(/\u0000(\d+)\u0000/g, (_, i) => placeholders[Number(i)]) };
}

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** The fields of an ARN (placeholders kept as written), or undefined when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const { text: m, unmask } = masked(text);
  const parts = m.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const [, partition, service, region, account] = parts.map(unmask);
  return { partition, service, region, account, resource: unmask(parts.slice(5).join(':')) };
}

/** Whether a text holds a wildcard (`*` or `?`) outside its `${...}` placeholders. */
export const hasWildcard = (text: string) => /[*?]/.test(masked(text).text);

/** The part of a text before its first '/', placeholders kept: the resource a reference-based ARN names. */
export function headOf(text: string): string {
  const { text: m, unmask } = masked(text);
  return unmask(m.split('/')[0]);
}

/**
 * The name a text gives a resource of `type`: the last part of an ARN or queue URL, a function
 * name without its version or alias, or the text itself.
 */
export function nameIn(text: string, type: string): string {
  const arn = parseArn(text);
  if (type === 'AWS::Lambda::Function') {
    if (arn) return arn.resource.startsWith('function:') ? arn.resource.split(':')[1] : arn.resource;
    const { text: m, unmask } = masked(text);
    const parts = m.split(':');
    // 123456789012:function:name[:qualifier] or name[:qualifier]
    return unmask(parts[1] === 'function' ? parts[2] : parts[0]);
  }
  if (arn) return type === 'AWS::S3::Bucket' ? headOf(arn.resource) : arn.resource;
  if (type === 'AWS::SQS::Queue' && /^https?:\/\//.test(text)) {
    const { text: m, unmask } = masked(text);
    return unmask(m.split('/').pop() ?? '');
  }
  return text;
}
