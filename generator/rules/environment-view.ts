/**
 * What a rule of scope 'environment' sees: every stack checked together, and the resource a value
 * designates in any of them. Inside a stack resources point at each other with Ref / Fn::GetAtt;
 * between stacks gen refers by deterministic name (a queue ARN, a function name), so a reference
 * is followed either way.
 */
import { nameIn, textsOf } from './arn.js';
import { literal, type CfnResource, type CfnTemplate, type RuleContext, type StackToCheck } from './rule.js';

export interface Found {
  stack: StackToCheck;
  id: string;
  resource: CfnResource;
}

/** The property holding each type's physical name, for references by name or ARN. */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
};

/** A reference to one resource (and attribute) only: `${Id}`, `${Id.Attr}`. */
const WHOLE_REFERENCE = /^\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}$/;

export interface EnvironmentView {
  stacks: readonly StackToCheck[];
  /** The stack being checked. */
  here: StackToCheck;
  all: (type: string) => Found[];
  /** The resource of `type` that `value`, written in stack `from`, designates; undefined when it is not in the stacks. */
  resolve: (value: unknown, type: string, from: StackToCheck) => Found | undefined;
  /** The physical name of a resource when it has a literal one, else its logical ID. */
  nameOf: (found: Found) => string;
}

/** Resources by type, per set of stacks: checkStacks runs every rule on every stack with the same set, so it is read once. */
const indexes = new WeakMap<readonly StackToCheck[], Map<string, Found[]>>();

function indexOf(stacks: readonly StackToCheck[]): Map<string, Found[]> {
  let index = indexes.get(stacks);
  if (!index) {
    index = new Map();
    for (const stack of stacks) {
      for (const [id, resource] of Object.entries(stack.template.Resources ?? {})) {
        const list = index.get(resource.Type) ?? [];
        list.push({ stack, id, resource });
        index.set(resource.Type, list);
      }
    }
    indexes.set(stacks, index);
  }
  return index;
}

export function environmentOf(template: CfnTemplate, context: RuleContext): EnvironmentView {
  const given = context.stacks ?? [];
  const listed = given.find((s) => s.template === template);
  const here: StackToCheck = listed ?? {
    stackName: context.stackName,
    file: given.find((s) => s.stackName === context.stackName)?.file ?? context.stackName,
    template,
  };
  const stacks = listed ? given : [here, ...given.filter((s) => s.stackName !== here.stackName)];
  const index = indexOf(stacks);

  const all = (type: string): Found[] => index.get(type) ?? [];

  const byId = (id: string, type: string, from: StackToCheck): Found | undefined => {
    const resource = from.template.Resources?.[id];
    if (!resource) return undefined;
    if (resource.Type === type) return { stack: from, id, resource };
    // A function's version or alias (the `live` alias of provisioned concurrency) stands for the function.
    if (type === 'AWS::Lambda::Function' && ['AWS::Lambda::Alias', 'AWS::Lambda::Version'].includes(resource.Type)) {
      return resolve(resource.Properties?.FunctionName, type, from);
    }
    return undefined;
  };

  const byName = (name: string, type: string): Found | undefined => {
    const property = NAME_PROPERTY[type];
    return property ? all(type).find((f) => literal(f.resource.Properties?.[property]) === name) : undefined;
  };

  function resolve(value: unknown, type: string, from: StackToCheck): Found | undefined {
    for (const text of textsOf(value)) {
      const whole = WHOLE_REFERENCE.exec(text);
      const found = whole ? byId(whole[1], type, from) : byName(nameIn(text, type), type);
      if (found) return found;
    }
    return undefined;
  }

  const nameOf = (found: Found) =>
    literal(found.resource.Properties?.[NAME_PROPERTY[found.resource.Type] ?? '']) ?? found.id;
  return { stacks, here, all, resolve, nameOf };
}

/** CloudFormation's Json properties (RedrivePolicy...) may be written as an object or as a JSON string. */
export function jsonProperty(value: unknown): Record<string, any> | undefined {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, any>) : undefined;
}

/** A number CloudFormation would read (numbers may be written as strings), or undefined. */
export function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
