/**
 * KMS keys as moto 5.2.1 can create them: its CloudFormation tags a key with the KMS API's
 * TagKey/TagValue (CloudFormation's Key/Value fail with KeyError 'TagKey') and stores a KeyPolicy
 * object without resolving it (DescribeKey then fails), while a policy given as one string is kept
 * as written. So, for the local endpoint only, tags are renamed and the policy becomes one Fn::Sub
 * string: its Refs, GetAtts and nested Fn::Subs become ${...} references CloudFormation resolves
 * the same way. A policy with any other intrinsic function is left alone (and the key then stays
 * on the not-created list): what is written to out/ and deployed to AWS is never touched.
 */

/** A policy document as one Fn::Sub template, or undefined when it uses an intrinsic Fn::Sub cannot express. */
export function policyAsSub(policy: unknown): string | undefined {
  let unsupported = false;
  const json = (value: any): string => {
    // A literal ${ in a plain string must not become a reference: Fn::Sub's escape is ${!.
    if (typeof value === 'string') return JSON.stringify(value).replace(/\$\{/g, '${!');
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(json).join(',')}]`;
    const keys = Object.keys(value);
    const [only] = keys;
    if (keys.length === 1 && only === 'Ref' && typeof value.Ref === 'string') return `"\${${value.Ref}}"`;
    if (keys.length === 1 && only === 'Fn::GetAtt' && Array.isArray(value[only]))
      return `"\${${value[only].join('.')}}"`;
    // A nested Fn::Sub is already in Fn::Sub's syntax (its ${!...} escapes included): only JSON quoting is added.
    if (keys.length === 1 && only === 'Fn::Sub' && typeof value[only] === 'string') return JSON.stringify(value[only]);
    if (keys.some((k) => k.startsWith('Fn::') || k === 'Ref')) unsupported = true;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${json(value[k])}`).join(',')}}`;
  };
  const result = json(policy);
  return unsupported ? undefined : result;
}

/** The key's properties as moto creates them, or undefined when its policy cannot be rewritten. */
export function keyForMoto(properties: Record<string, unknown>): Record<string, unknown> | undefined {
  const policy = properties.KeyPolicy === undefined ? undefined : policyAsSub(properties.KeyPolicy);
  if (properties.KeyPolicy !== undefined && policy === undefined) return undefined;
  const tags = properties.Tags as { Key: string; Value: unknown }[] | undefined;
  return {
    ...properties,
    ...(policy !== undefined ? { KeyPolicy: { 'Fn::Sub': policy } } : {}),
    ...(tags ? { Tags: tags.map((t) => ({ TagKey: t.Key, TagValue: t.Value })) } : {}),
  };
}
