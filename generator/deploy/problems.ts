/**
 * Errors that come from the user's environment, not from gen: missing or rejected credentials,
 * an unknown profile, an endpoint that cannot be reached or does not answer like AWS, a denied
 * request, the wrong account. They exit 1 with what was tried (profile, region, endpoint) and
 * how to fix it; anything else thrown is a bug in gen (exit 3).
 */

/** Where a command tried to go: shown with every problem. */
export interface Tried {
  profile?: string;
  region: string;
  endpoint?: string;
}

export type ProblemKind =
  | 'credentials'
  | 'access-denied'
  | 'endpoint-unreachable'
  | 'endpoint-response'
  | 'wrong-account'
  | 'request-refused';

export interface TargetProblem extends Tried {
  kind: ProblemKind;
  message: string;
  fix: string;
}

/** A response that is not an AWS API answer (an HTML error page, a proxy's reply): its status and text. */
export class EndpointResponseError extends Error {
  override readonly name = 'EndpointResponseError';
  /** As the SDK's own errors carry them: a 5xx is retried like any transient server error. */
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';
  constructor(
    readonly status: number,
    readonly text: string,
    readonly endpoint: string,
  ) {
    super(`${endpoint} answered HTTP ${status}${text ? `: ${text}` : ' with an empty body'}`);
    this.$metadata = { httpStatusCode: status };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

const CREDENTIAL_ERRORS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidAccessKeyId',
  'InvalidToken',
  'TokenRefreshRequired',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const DENIED_ERRORS = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

type SdkError = Error & { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };

export const describeTried = (t: Tried) =>
  `${t.profile ? `profile ${t.profile}` : 'credentials from the default chain (AWS_* variables, ~/.aws, SSO, instance role)'}, region ${t.region}, endpoint ${t.endpoint ?? `AWS (${t.region})`}`;

/** Shown where the profile comes from, when none was given. */
export const triedFrom = (profile: string | undefined, region: string, endpoint: string | undefined): Tried => ({
  profile: profile ?? (process.env.AWS_PROFILE || undefined),
  region,
  ...(endpoint ? { endpoint } : {}),
});

/** The user-facing problem behind an error, or undefined when the error is gen's own (a bug). */
export function targetProblem(error: unknown, tried: Tried): TargetProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as SdkError;
  const at = (kind: ProblemKind, message: string, fix: string): TargetProblem => ({ kind, message, fix, ...tried });
  const firstLine = (e.message ?? '').split('\n')[0];
  const profileFix = tried.profile
    ? `check that profile '${tried.profile}' exists in ~/.aws/config (aws configure list-profiles), or log in again (aws sso login --profile ${tried.profile})`
    : 'set credentials: --profile <name> (aws configure list-profiles), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use --local for a local endpoint';
  if (
    e.name === 'CredentialsProviderError' ||
    /Could not load credentials|profile .* (could not be found|not found)|Profile .* not found|Token is expired|SSO session .* (invalid|expired)/i.test(
      firstLine,
    )
  ) {
    return at('credentials', `no usable AWS credentials: ${firstLine}`, profileFix);
  }
  if (CREDENTIAL_ERRORS.has(e.name))
    return at('credentials', `AWS rejected the credentials (${e.name}): ${firstLine}`, profileFix);
  if (DENIED_ERRORS.has(e.name)) {
    return at(
      'access-denied',
      `these credentials may not do this (${e.name}): ${firstLine}`,
      'use a profile whose role may deploy CloudFormation stacks (cloudformation:*, s3 on the artifact bucket, iam:PassRole), or ask your AWS administrator for these permissions',
    );
  }
  if (e instanceof EndpointResponseError || e.name === 'EndpointResponseError') {
    return at(
      'endpoint-response',
      `the endpoint did not answer like AWS: ${e.message}`,
      tried.endpoint
        ? `check that ${tried.endpoint} is a CloudFormation-compatible endpoint (a moto_server, for instance) and that it is running; or drop --endpoint-url / AWS_ENDPOINT_URL to use AWS`
        : 'check your network and proxy settings (HTTPS_PROXY), then try again',
    );
  }
  const code = e.code ?? (e as { cause?: { code?: string } }).cause?.code;
  if (
    (code && NETWORK_CODES.has(code)) ||
    e.name === 'TimeoutError' ||
    /socket hang up|getaddrinfo|connect ETIMEDOUT/.test(firstLine)
  ) {
    return at(
      'endpoint-unreachable',
      `could not reach ${tried.endpoint ?? `AWS in ${tried.region}`}: ${firstLine}`,
      tried.endpoint
        ? `start the endpoint (gen deploy --local starts one) or correct --endpoint-url / AWS_ENDPOINT_URL`
        : `check your network connection, proxy (HTTPS_PROXY) and that ${tried.region} is a valid region`,
    );
  }
  if (
    /XML parse error|Deserialization error|char '<' is not expected|Unexpected token '?<'?/i.test(firstLine) ||
    (e.name === 'Unknown' && e.$metadata?.httpStatusCode)
  ) {
    const status = e.$metadata?.httpStatusCode;
    return at(
      'endpoint-response',
      `the endpoint did not answer like AWS${status ? ` (HTTP ${status})` : ''}: ${firstLine}`,
      tried.endpoint
        ? `check that ${tried.endpoint} is a CloudFormation-compatible endpoint and that it is running`
        : 'check your network and proxy settings, then try again',
    );
  }
  if (e.$fault === 'client' && e.$metadata) {
    if (e.$metadata.httpStatusCode === 403) {
      return at(
        'access-denied',
        `the request was refused (HTTP 403, ${e.name}): ${firstLine}`,
        'check that these credentials may deploy to this account and region',
      );
    }
    return at(
      'request-refused',
      `AWS refused a request (${e.name}): ${firstLine}`,
      'read the message above; if it points at a template gen wrote, please report it (GEN_DEBUG=1 shows details)',
    );
  }
  return undefined;
}

export function formatProblem(p: TargetProblem): string {
  return `gen: ${p.message}\n  tried: ${describeTried(p)}\n  fix: ${p.fix}\n`;
}

/** What --json prints for a problem. */
export const problemJson = (p: TargetProblem) => ({
  kind: p.kind,
  message: p.message,
  fix: p.fix,
  profile: p.profile ?? null,
  region: p.region,
  endpoint: p.endpoint ?? null,
});
