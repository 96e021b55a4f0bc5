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
  /** What the clients above were made with, for the few other services a deploy asks (deploy/adopt/lookup.ts). */
  config?: { region: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } };
}

export async function connect(options: TargetOptions, environmentRegion: string): Promise<Clients> {
  const [{ CloudFormationClient }, { S3Client }, { STSClient }] = await Promise.all([
    import('@aws-sdk/client-cloudformation'),
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/client-sts'),
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
  const clients = {
    region,
    ...(endpoint ? { endpoint } : {}),
    cfn: new CloudFormationClient(config),
    s3: new S3Client({ ...config, forcePathStyle: Boolean(endpoint) }),
    sts: new STSClient(config),
    config,
  };
  const where = endpoint ?? `AWS (${region})`;
  for (const client of [clients.cfn, clients.s3, clients.sts]) {
    (client.middlewareStack as { add: (m: unknown, o: object) => void }).add(notAwsAnswers(where), {
      step: 'deserialize',
      priority: 'low',
      name: 'genNotAwsAnswers',
    });
  }
  return clients;
}

const looksLikeApiAnswer = (text: string) =>
  /^\s*(<\?xml|<[A-Za-z]+Response\b|<Error\b|<ErrorResponse\b|\{)/.test(text);

/**
 * An answer that is not from an AWS API (an HTML error page from a proxy or a half-implemented
 * endpoint) becomes an EndpointResponseError carrying its status and text, instead of the SDK's
 * "XML parse error" or "Unknown". Runs before the SDK's own deserializer, on the raw response.
 */
function notAwsAnswers(where: string) {
  return (
    next: (
      args: unknown,
    ) => Promise<{ response: { statusCode?: number; headers?: Record<string, string>; body?: unknown } }>,
  ) =>
    async (args: unknown) => {
      const result = await next(args);
      const response = result.response;
      const type = response.headers?.['content-type'] ?? '';
      const status = response.statusCode ?? 0;
      if (
        !(status >= 300 || /html/i.test(type)) ||
        !response.body ||
        typeof (response.body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function'
      )
        return result;
      const chunks: Buffer[] = [];
      for await (const chunk of response.body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
      const buffer = Buffer.concat(chunks);
      const text = buffer.toString('utf8');
      if (text.trim() === '' || looksLikeApiAnswer(text)) {
        const { Readable } = await import('node:stream');
        response.body = Readable.from([buffer]);
        return result;
      }
      const { EndpointResponseError } = await import('./problems.js');
      const plain = text
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      throw new EndpointResponseError(status, plain.length > 300 ? `${plain.slice(0, 300)}…` : plain, where);
    };
}

/** Replace ${AWS::AccountId} and ${AWS::Region} in a name the build could not know. */
export const resolveName = (name: string, account: string, region: string) =>
  name.replace(/\$\{AWS::AccountId\}/g, account).replace(/\$\{AWS::Region\}/g, region);

/** Where CloudFormation fetches an uploaded template from (moto needs `localhost`, not 127.0.0.1). */
export function objectUrl(clients: Clients, bucket: string, key: string): string {
  if (clients.endpoint)
    return `${clients.endpoint.replace('127.0.0.1', 'localhost').replace(/\/$/, '')}/${bucket}/${key}`;
  return `https://${bucket}.s3.${clients.region}.amazonaws.com/${key}`;
}
