/** functions -> log group, role and function (plus version and alias when kept warm) in the app layer. */
import { createHash } from 'node:crypto';
import {
  Fn,
  IamRole,
  LambdaAlias,
  LambdaFunction,
  LambdaVersion,
  LogGroup,
  sub,
  keptWhenProtected,
} from '../../output/cfn.js';
import {
  fragment,
  inGroup,
  type Artifact,
  type Fragment,
  type ImageArtifact,
  type PlacedResource,
} from '../../output/fragment.js';
import { ids, names } from '../../naming/ids.js';
import type { Entry } from '../../spec.js';
import type { CompileContext, ImpliedUse } from '../section.js';
import { functionCode, type NodeSources } from './code.js';
import { bundleHashes } from './bundle-hash.js';
import { findHandlerFile, sharedCodeHash } from './handler-file.js';
import { ALIAS_NAME, usesAlias } from './invoke.js';
import { imageArtifact, imageUri, repositoryResource } from './image.js';
import { functionsOf, isZip, variableIn, type FunctionSpec } from './model.js';
import { ASSUME_ROLE, deadLetterQueueArn, logStatement, TRACING_STATEMENT } from './policy.js';
import { byText } from '../../order.js';
import { projectOf } from '../project/model.js';

/** Statements of the uses other sections imply for this function (a queue's consumer), minus any already granted word for word. */
function impliedStatements(ctx: CompileContext, implied: ImpliedUse[], granted: object[]): object[] {
  const seen = new Set(granted.map((s) => JSON.stringify(s)));
  return implied
    .flatMap((use) => {
      const section = ctx.registry.usable.find((s) => s.key === use.section);
      return section
        ? section.usable.statements(
            { name: use.name, access: use.access, variable: section.usable.variable(use.name) },
            ctx,
          )
        : [];
    })
    .filter((s) => !seen.has(JSON.stringify(s)) && !!seen.add(JSON.stringify(s)));
}

const withMetadata = <T extends { metadata: (m: object) => T }>(resource: T, metadata: object): T =>
  Object.keys(metadata).length > 0 ? resource.metadata(metadata) : resource;

function compileFunction(
  ctx: CompileContext,
  { name, value: fn }: Entry<FunctionSpec>,
  shared: NodeSources,
  implied: ImpliedUse[],
): { resources: PlacedResource[]; artifact?: Artifact; image?: ImageArtifact } {
  const { spec, env, registry } = ctx;
  // Each section the function uses grants exactly its statements and sets one variable per item.
  const uses = registry.usable.flatMap((section) =>
    (fn.uses[section.key] ?? []).map((reference) => ({ section, reference })),
  );
  const statements = uses.flatMap(({ section, reference }) => section.usable.statements(reference, ctx));
  // What other sections add to every function (the network: VpcConfig and its statements).
  const configured = registry.sections.flatMap((s) => s.configureFunction?.(name, ctx) ?? []);
  const functionName = names.function(env.name, name);
  const logGroupName = names.functionLogGroup(env.name, name);
  // A zip of the handler's code, or a container image tagged with its context's hash: either hash names the code.
  const code = isZip(fn) ? functionCode(spec, env.name, name, fn, shared) : undefined;
  const image = fn.image ? imageArtifact(spec.root, env.name, name, fn.image, fn.architecture) : undefined;
  const codeHash = code?.codeHash ?? image!.tag;
  const deadLetterQueue =
    fn.deadLetterQueue === undefined ? undefined : deadLetterQueueArn(spec, env.name, fn.deadLetterQueue);
  const logGroup = Object.assign(
    new LogGroup({ LogGroupName: logGroupName, RetentionInDays: env.logRetentionDays }),
    keptWhenProtected(env.protected),
  );
  // Resource policies in other stacks (a secret's) recognise the role by a path of its own.
  const identifies = (key: string) => registry.section(key)?.usable?.identifiesRoles === true;
  const path = [...uses.map(({ section }) => section.key), ...implied.map((use) => use.section)].some(identifies)
    ? names.rolePath(env.name, projectOf(spec)?.value.name ?? 'project', name)
    : undefined;
  const role = new IamRole({
    ...(path ? { Path: path } : {}),
    AssumeRolePolicyDocument: ASSUME_ROLE,
    Description: `Runs function ${functionName}`,
    Policies: [
      {
        PolicyName: 'function',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            logStatement(logGroupName),
            TRACING_STATEMENT,
            ...statements,
            ...impliedStatements(ctx, implied, statements),
            ...configured.flatMap((c) => c.statements ?? []),
            ...(deadLetterQueue
              ? [{ Sid: 'DeadLetterQueue', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [deadLetterQueue] }]
              : []),
          ],
        },
      },
    ],
  });
  const variables = {
    ...Object.fromEntries(
      Object.entries(fn.environment).flatMap(([k, v]) =>
        variableIn(v, env.name) === undefined ? [] : [[k, variableIn(v, env.name)!]],
      ),
    ),
    ...Object.fromEntries(
      uses.map(({ section, reference }) => [reference.variable, section.usable.value(reference.name, ctx) as string]),
    ),
    ...Object.assign({}, ...configured.map((c) => c.variables ?? {})),
  };
  const settings = {
    FunctionName: functionName,
    ...(code ? { Handler: code.handler, Runtime: fn.runtime } : { PackageType: 'Image' }),
    Architectures: [fn.architecture],
    MemorySize: fn.memory ?? env.functions.memory,
    Timeout: fn.timeout ?? env.functions.timeout,
    Role: Fn.GetAtt(ids.role(name), 'Arn'),
    Code: code ? { S3Bucket: sub(code.artifact.bucket), S3Key: code.artifact.key } : { ImageUri: imageUri(image!) },
    TracingConfig: { Mode: 'Active' },
    ...(deadLetterQueue ? { DeadLetterConfig: { TargetArn: deadLetterQueue } } : {}),
    ...(Object.keys(variables).length > 0
      ? { Environment: { Variables: Object.fromEntries(Object.entries(variables).sort(([a], [b]) => byText(a, b))) } }
      : {}),
    ...(fn.reservedConcurrency !== undefined ? { ReservedConcurrentExecutions: fn.reservedConcurrency } : {}),
    ...Object.assign({}, ...configured.map((c) => c.properties ?? {})),
  };
  const metadata = Object.assign({}, ...configured.map((c) => c.metadata ?? {}));
  const resources: PlacedResource[] = [
    { layer: 'app', logicalId: ids.logGroup(name), resource: logGroup },
    { layer: 'app', logicalId: ids.role(name), resource: role },
    // The log group must exist first, or an early invocation creates it outside the stack.
    {
      layer: 'app',
      logicalId: ids.function(name),
      resource: withMetadata(new LambdaFunction(settings).dependsOn([ids.logGroup(name)]), metadata),
    },
  ];
  if (usesAlias(fn, env)) {
    const versionHash = createHash('sha256').update(codeHash).update(JSON.stringify(settings)).digest('hex');
    const versionId = ids.version(name, versionHash);
    resources.push(
      {
        layer: 'app',
        logicalId: versionId,
        resource: new LambdaVersion({
          FunctionName: Fn.Ref(ids.function(name)),
          Description: `code ${codeHash.slice(0, 12)}`,
        }),
      },
      {
        layer: 'app',
        logicalId: ids.alias(name),
        resource: new LambdaAlias({
          FunctionName: Fn.Ref(ids.function(name)),
          FunctionVersion: Fn.GetAtt(versionId, 'Version'),
          Name: ALIAS_NAME,
          ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: fn.provisionedConcurrency! },
        }),
      },
    );
  }
  // The function, its role, log group, version and alias share a stack (they refer to each other);
  // an image's repository is data, deployed (and pushed to) before the function exists.
  return {
    resources: [...inGroup(ids.function(name), resources), ...(image ? [repositoryResource(env, name)] : [])],
    ...(code ? { artifact: code.artifact } : {}),
    ...(image ? { image } : {}),
  };
}

export function compileFunctions(ctx: CompileContext): Fragment {
  const { spec } = ctx;
  const entries = new Set(
    functionsOf(spec)
      .items.flatMap((f) => (isZip(f.value) ? [findHandlerFile(spec.root, f.value.handler)] : []))
      .filter((f): f is string => !!f),
  );
  const shared = { shared: sharedCodeHash(spec.root, entries), bundles: bundleHashes(spec.root, [...entries].sort()) };
  const implied = ctx.registry.sections.flatMap((section) => section.impliedUses?.(spec) ?? []);
  const compiled = functionsOf(spec).items.map((entry) =>
    compileFunction(
      ctx,
      entry,
      shared,
      implied.filter((use) => use.function === entry.name),
    ),
  );
  const images = compiled.flatMap((c) => (c.image ? [c.image] : []));
  return {
    ...fragment(
      compiled.flatMap((c) => c.resources),
      [],
      compiled.flatMap((c) => (c.artifact ? [c.artifact] : [])),
    ),
    ...(images.length > 0 ? { images } : {}),
  };
}
