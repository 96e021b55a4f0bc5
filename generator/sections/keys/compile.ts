/**
 * keys -> a KMS key and its alias per item, in the data layer. The key policy lets the account
 * administer the key through IAM (so roles can be granted its use) and admits AWS services only
 * where another section asks for it (a grant naming the key, with the service's source), each
 * bound to this account and that source. Functions never appear in key policies.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { ids, pascal } from '../../naming/ids.js';
import { accountAdministersKey, Fn, keptWhenProtected, KmsAlias, KmsKey, sub } from '../../output/cfn.js';
import type { Fragment, PlacedResource } from '../../output/fragment.js';
import { byText } from '../../order.js';
import type { Entry } from '../../spec.js';
import { alarmsOf } from '../alarms/model.js';
import { backupOf } from '../backup/model.js';
import { inEnvironment } from '../events/targets.js';
import { projectOf } from '../project/model.js';
import { grantsFor, type CompileContext, type PolicyGrant } from '../section.js';
import { timeseriesOf } from '../timeseries/model.js';
import { topicsOf } from '../topics/model.js';
import { hasOwnKey } from '../topics/usable.js';
import { keyAlias, keysOf, type Key } from './model.js';

/** Days before a scheduled deletion happens: the spec's, else the longest in protected environments. */
export const deletionWindow = (key: Key, env: Environment) =>
  inEnvironment(key.deletionWindowDays, env.name) ?? (env.protected ? 30 : 7);

function keyPolicy(grants: PolicyGrant[]) {
  const services = [...new Set(grants.map((g) => g.service))].sort(byText);
  return {
    Version: '2012-10-17',
    Statement: [
      accountAdministersKey(),
      ...services.map((service) => {
        const mine = grants.filter((g) => g.service === service);
        return {
          Sid: `${pascal(service.split('.')[0])}UsesKey`,
          Effect: 'Allow',
          Principal: { Service: service },
          Action: [...new Set(mine.flatMap((g) => g.actions))].sort(byText),
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
            ArnLike: { 'aws:SourceArn': mine.map((g) => g.sourceArn) },
          },
        };
      }),
    ],
  };
}

/** Aliases gen makes for keys of its own (the alarm topic's, a topic's, the backup vault's, a time-series database's): a key of the spec may not take one. */
function aliasTaken(ctx: CompileContext, name: string): string | undefined {
  if (name === 'alarms' && alarmsOf(ctx.spec).items.length > 0) return 'the key of the alarm topic';
  if (topicsOf(ctx.spec).names.has(name) && hasOwnKey(ctx, name)) return `the key of topic '${name}'`;
  if (name === 'backup' && backupOf(ctx.spec)) return 'the key of the backup vault';
  const database = name.replace(/-timeseries$/, '');
  if (database !== name && timeseriesOf(ctx.spec).names.has(database))
    return `the key of time-series database '${database}'`;
  return undefined;
}

function compileKey(ctx: CompileContext, { name, value, file, path }: Entry<Key>) {
  const { spec, env } = ctx;
  const alias = keyAlias(spec, env.name, name);
  const project = projectOf(spec)?.value.name ?? 'project';
  const taken = aliasTaken(ctx, name);
  const diagnostics: Diagnostic[] = taken
    ? [
        error(
          'GEN361',
          `key '${name}' would have the alias ${alias}, which gen already gives ${taken}`,
          { file, path, at: 'key' },
          `rename the key (for example ${name}-key)`,
        ),
      ]
    : [];
  const group = ids.key(name);
  const resources: PlacedResource[] = [
    {
      layer: 'data',
      logicalId: ids.key(name),
      group,
      resource: Object.assign(
        new KmsKey({
          Description: value.description ?? `Key ${name} of ${project} (${env.name})`,
          EnableKeyRotation: true,
          PendingWindowInDays: deletionWindow(value, env),
          KeyPolicy: keyPolicy(grantsFor(ctx, 'keys', name)),
        }),
        keptWhenProtected(env.protected),
      ),
    },
    {
      layer: 'data',
      logicalId: ids.keyAlias(name),
      group,
      resource: new KmsAlias({ AliasName: alias, TargetKeyId: Fn.Ref(ids.key(name)) }),
    },
  ];
  return { resources, diagnostics };
}

export function compileKeys(ctx: CompileContext): Fragment {
  const compiled = keysOf(ctx.spec).items.map((entry) => compileKey(ctx, entry));
  return {
    resources: compiled.flatMap((c) => c.resources),
    outputs: [],
    artifacts: [],
    diagnostics: compiled.flatMap((c) => c.diagnostics),
  };
}
