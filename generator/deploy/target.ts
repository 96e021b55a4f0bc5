/**
 * Where a deploy goes: region, credentials and endpoint from the standard AWS SDK chain, the
 * environment file and the command line. The SDK is imported lazily so `gen build` never loads it.
 */
export interface TargetOptions {
  region?: string;
  profile?: string;
  /** A CloudFormation-compatible endpoint (moto_server); also read from AWS_ENDPOINT_URL. */
  endpointUrl?: string;
  /** Fixed credentials, for a local endpoint. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface Clients {
  region: string;
  endpoint?: string;
  cfn: import('@aws-sdk/client-cloudformation').CloudFormationClient;
  s3: import('@aws-sdk/client-s3').S3Client;
  sts: import('@aws-sdk/client-sts').STSClient;
}

export async function connect(options: TargetOptions, environmentRegion: string): Promise<Clients> {
  const [{ CloudFormationClient }, { S3Client }, { STSClient }] = await Promise.all([
    import('@aws-sdk/client-cloudformation'), import('@aws-sdk/client-s3'), import('@aws-sdk/client-sts'),
  ]);
  if (options.profile) process.env.AWS_PROFILE = options.profile;
  const region = options.region ?? environmentRegion;
  const endpoint = options.endpointUrl ?? process.env.AWS_ENDPOINT_URL;
  const config = {
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 5,
  };
  return {
    region, ...(endpoint ? { endpoint } : {}),
    cfn: new CloudFormationClient(config),
    s3: new S3Client({ ...config, forcePathStyle: Boolean(endpoint) }),
    sts: new STSClient(config),
  };
}

/** Replace ${AWS::AccountId} and ${AWS::Region} in a name the build could not know. */
export const resolveName = (name: string, account: string, region: string) =>
  name.replace(/\$\{AWS::AccountId\}/g, account).replace(/\$\{AWS::Region\}/g, region);

/** Where CloudFormation fetches an uploaded template from (moto needs `localhost`, not 127.0.0.1). */
export function objectUrl(clients: Clients, bucket: string, key: string): string {
  if (clients.endpoint) return `${clients.endpoint.replace('127.0.0.1', 'localhost').replace(/\/$/, '')}/${bucket}/${key}`;
  return `https://${bucket}.s3.${clients.region}.amazonaws.com/${key}`;
}
