/**
 * Documents that travel beside the templates instead of inside them: an OpenAPI body too large
 * to inline goes to the artifact bucket and the RestApi points at it (BodyS3Location).
 * CloudFormation does not resolve intrinsics in such a file, so the only ones allowed are
 * Fn::Sub strings over pseudo parameters, which the deployer resolves before uploading.
 */
export interface UploadedDocument {
  /** File name in out/<env>/. */
  file: string;
  /** Key in the environment's artifact bucket (content-addressed). */
  key: string;
  content: string;
}

export interface PseudoParameters {
  'AWS::Region': string;
  'AWS::AccountId': string;
  'AWS::Partition': string;
  'AWS::URLSuffix': string;
}

export function pseudoParameters(region: string, accountId: string): PseudoParameters {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return {
    'AWS::Region': region,
    'AWS::AccountId': accountId,
    'AWS::Partition': partition,
    'AWS::URLSuffix': partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
  };
}

/** Replace every {"Fn::Sub": "..."} by its text; `unresolved` collects any other intrinsic or variable. */
export function resolvePseudoParameters(value: unknown, pseudo: PseudoParameters, unresolved: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => resolvePseudoParameters(v, pseudo, unresolved));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === 'Fn::Sub' && typeof entries[0][1] === 'string') {
    return entries[0][1].replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
      if (name in pseudo) return pseudo[name as keyof PseudoParameters];
      unresolved.push(whole);
      return whole;
    });
  }
  for (const [k] of entries) if (k === 'Ref' || k.startsWith('Fn::')) unresolved.push(k);
  return Object.fromEntries(entries.map(([k, v]) => [k, resolvePseudoParameters(v, pseudo, unresolved)]));
}
