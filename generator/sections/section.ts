/**
 * What a spec section is: a top-level key of spec files that describes itself completely, so
 * the rest of gen loops over the registry (sections/registry.ts) instead of knowing sections by
 * name. Adding a section means adding a folder that exports one Section and listing it once in
 * sections/index.ts. Every part but `key`, `kind` and `schema` is optional.
 */
import type { Code, Diagnostic, Location } from '../diagnostics.js';
import type { Environment } from '../environment/model.js';
import type { Fragment, Layer } from '../output/fragment.js';
import type { Schemas } from '../schema/ajv.js';
import type { JsonSchema } from '../schema/json-schema.js';
import type { Entry, Items, Spec } from '../spec.js';

export interface CompileContext {
  spec: Spec;
  env: Environment;
  registry: Registry;
}

export interface SectionNames {
  /** Pattern, maximum length and wording for item names (map sections). */
  pattern: string;
  hint: string;
  noun: string;
  maxLength: number;
  /** Code for a name defined twice (default GEN306). */
  duplicate?: Code;
  /** Code for a reference to a name that does not exist (default GEN312). Kept per kind where CI scripts already match it. */
  unknown?: Code;
}

/**
 * A layer a section adds, placed in deploy order right after `after` (first when absent), or
 * right before `before` (the network, which every other layer may use, goes before data).
 */
export interface LayerSpec {
  name: Layer;
  after?: Layer;
  before?: Layer;
  /** What the layer's stacks hold, written into each template's Description. */
  purpose: string;
  /**
   * The region its stacks deploy to whatever the environment's region (us-east-1 for what
   * CloudFront requires there: its certificate and its web ACL); absent: the environment's region.
   * Stack names stay the same; the manifest records every stack's region, and a parameter whose
   * source stack is in another region says so, so the deployer reads the output where it is.
   */
  region?: string;
}

export interface Section {
  /** The top-level key in spec files (tables, functions, ...); also its key in environment files. */
  key: string;
  /** 'map': named items (`tables: {orders: ...}`); 'single': one value for the whole project. */
  kind: 'map' | 'single';
  /** JSON Schema of one item (map) or of the value (single); a function when it depends on the other sections. */
  schema: JsonSchema | ((registry: Registry) => JsonSchema);
  /** Pattern and words for item names, for map sections. */
  names?: SectionNames;
  /** Turn one schema-valid raw item (shorthands, omitted keys) into its model; the schema guarantees its shape. */
  normalize?: (raw: any, name: string, registry: Registry) => unknown;
  /** Reference checks across sections, on the assembled spec. */
  check?: (spec: Spec, registry: Registry) => Diagnostic[];
  /** CloudFormation resources for one environment. */
  compile?: (ctx: CompileContext) => Fragment;
  /** Layers (stacks) this section introduces. */
  layers?: LayerSpec[];
  /**
   * Resource types it emits that hold data: never removed, replaced or moved without a flag naming
   * them. The deploy guard, the stack policy, the removal order, destroy and diff read exactly the
   * sections' declarations (deploy/stateful.ts): declaring a type here is all it takes.
   */
  statefulTypes?: string[];
  /** Resource types it emits that hold no data but never move to another stack (the VPC): placement pins them, the guard does not. */
  pinnedTypes?: string[];
  /** Its part of environments/<name>.yaml, under its own key, with defaults. */
  environment?: JsonSchema;
  /** What functions may do with its items (`functions.<name>.<key>: {item: access}`). */
  usable?: Usable;
  /** Alarm types on its items (or on the section as a whole), by type name. */
  alarmTypes?: Record<string, AlarmType>;
  /** What it adds to `gen graph` (one part per layer it draws in). */
  graph?: (spec: Spec, env: Environment, registry: Registry) => GraphPart | GraphPart[];
  /** Where a resource with this logical ID was written, when the section's items are resources (the escape hatch). */
  locate?: (spec: Spec, logicalId: string) => Location | undefined;
  /** Functions this section invokes (routes, queue consumers, rule targets...): GEN-P5 counts them as used. */
  invokes?: (spec: Spec) => string[];
  /**
   * Uses of items that the spec implies instead of writing them under `functions.<name>` (a
   * queue's consumer receives from the queue): the function's role gets their statements, as if
   * written, but no environment variable. The implying section checks the names itself.
   */
  impliedUses?: (spec: Spec) => ImpliedUse[];
  /**
   * The placement group holding an item's resources (default: the logical ID of its main
   * resource), for another section's resource that must share its stack: a bucket that waits
   * (DependsOn) for a queue's policy joins the queue's group.
   */
  placementGroup?: (spec: Spec, name: string) => string;
  /** Statements this section needs in other sections' resource policies (a bucket notifying a queue, a rule sending to a topic). */
  grants?: (ctx: CompileContext) => PolicyGrant[];
  /** Graphs for the environment's CloudWatch dashboard (one per environment, laid out by the dashboard section). */
  dashboard?: (ctx: CompileContext) => DashboardGraph[];
  /**
   * What this section adds to one function's resource (the network: VpcConfig and the role's
   * network-interface statements), by function name; undefined when it adds nothing.
   */
  configureFunction?: (functionName: string, ctx: CompileContext) => FunctionConfiguration | undefined;
}

/** Properties, role statements and resource metadata a section adds to a function (Section.configureFunction). */
export interface FunctionConfiguration {
  properties?: Record<string, unknown>;
  /** Environment variables, beside the ones of the function's references: text, or CloudFormation (the cache's endpoint). */
  variables?: Record<string, string | object>;
  statements?: object[];
  /** Resource-level Metadata: facts the platform rules read in the template (a function kept out of the network). */
  metadata?: Record<string, unknown>;
}

/** One graph of the dashboard: metrics as CloudWatch writes them, [namespace, metric, dimension, value, ...]. */
export interface DashboardGraph {
  title: string;
  /** Sum, Average, Maximum, p99... */
  stat: string;
  metrics: string[][];
}

/**
 * A statement one section needs in a resource policy another section owns: SQS, SNS and S3 keep
 * one policy document per resource, so the owner collects every grant for its item into it.
 */
export interface PolicyGrant {
  /** Section and item whose policy gets the statement (queues/ingest-events). */
  section: string;
  name: string;
  sid: string;
  /** Service principal that acts (s3.amazonaws.com, events.amazonaws.com, sns.amazonaws.com). */
  service: string;
  actions: string[];
  /** The one source allowed (aws:SourceArn), by name (Fn::Sub) so it works across stacks. */
  sourceArn: string | object;
  /** Logical IDs in the owner's resources that must exist before the grantee (a bucket waits for the queue policy). */
  before?: string[];
  /**
   * The source is created in this later layer and the statement names it by a link parameter (a
   * CloudFront distribution's id): the owner's policy moves to that layer, so it is written after
   * the source exists. Absent: the policy stays with the item.
   */
  layer?: Layer;
}

/** The registry: every section, and what the rest of gen derives from them (built by sections/registry.ts). */
export interface Registry {
  sections: readonly Section[];
  /** Layers in deploy order. */
  layers: readonly LayerSpec[];
  /** Every section's statefulTypes: what the deploy side guards as data. */
  statefulTypes: ReadonlySet<string>;
  /** statefulTypes and every section's pinnedTypes: what placement never moves between stacks. */
  pinnedTypes: ReadonlySet<string>;
  /** Sections whose items functions may use, in registry order. */
  usable: readonly (Section & { usable: Usable })[];
  /** Every alarm type, with the section that defines it. */
  alarmTypes: ReadonlyMap<string, { section: Section; type: AlarmType }>;
  section: (key: string) => Section | undefined;
  /** A section's schema, resolved against the registry. */
  schemaOf: (section: Section) => JsonSchema;
  /** The spec-file and environment-file schemas (validation, editors, docs). */
  schemas: Schemas;
}

/** One reference of a function to an item of another section (`tables: {orders: read}`). */
export interface Reference {
  name: string;
  /** The access written: a level such as read, or a section-specific form (a list of operations). */
  access: unknown;
  /** The environment variable that carries the item's name, default or renamed. */
  variable: string;
}

/** A use of an item that a function gets without writing it (Section.impliedUses). */
export interface ImpliedUse {
  function: string;
  /** Key of the usable section whose statements apply (queues). */
  section: string;
  /** The item used and the access, as `functions.<function>.<section>: {name: access}` would give. */
  name: string;
  access: unknown;
}

/** What a section lets functions do with its items. */
export interface Usable {
  /**
   * The key functions name the items under, when it is not the section's key (the events
   * section's buses: `functions.<name>.buses`). References are still kept by section key.
   */
  key?: string;
  /** Schema of the short form's value (`orders: read`); the long form is `{access, variable}`. */
  access: JsonSchema;
  /** What `functions.<name>.<key>` does, for the docs. */
  description: string;
  example: Record<string, unknown>;
  /** Default environment variable for an item (TABLE_ORDERS). */
  variable: (name: string) => string;
  /** What that variable holds, in words: "the name of table". */
  holds: string;
  /** Its value in one environment (a physical name, URL or ARN). */
  value: (name: string, ctx: CompileContext) => string | object;
  /** IAM statements granting exactly this access. */
  statements: (reference: Reference, ctx: CompileContext) => object[];
  /** Checks of one reference beyond the item existing. */
  check?: (reference: Reference, spec: Spec) => { message: string; fix: string } | undefined;
  /**
   * The items' resource policies admit the roles of the functions that use them (secrets): a
   * function using one gets a role under an IAM path of its own (names.rolePath), which a policy
   * in another stack can match by ARN pattern without knowing the role's generated name.
   */
  identifiesRoles?: boolean;
  /**
   * The AWS service the code calls for this access, as a VPC endpoint names it (sqs, sns, s3,
   * dynamodb, events): a function in a private network without internet reaches it only through
   * that endpoint (the network section warns when it is missing).
   */
  service?: string;
}

/** An alarm type on a section's items: the metric recipe, unit and default threshold. */
export interface AlarmType {
  /** Key in the alarm naming the item watched (function, table); absent when it watches the section as a whole. */
  watches?: string;
  /**
   * What `watches` names when it is not one of the section's items (a rule, which lives inside a
   * bus of the events section): its noun and every name it may take.
   */
  watchable?: { noun: string; names: (spec: Spec) => ReadonlySet<string> };
  /** The thing watched when `watches` is absent, in words ("the API"). */
  subject?: string;
  unit: string;
  defaultThreshold: number;
  /** What the value measures, for docs and the alarm's description. */
  about: string;
  /** What the value measures with a chosen statistic ("average run time of a function"). */
  describe?: (statistic: string) => string;
  /** Statistics an alarm may choose (`statistic: average`), the first being the default; none: fixed by the recipe. */
  statistics?: string[];
  /**
   * CloudWatch `Metrics` (metric math) of the alarm; `target` is the item watched. `env.alarms`
   * already holds this alarm's own period when it sets one; `statistic` is the one chosen.
   */
  metrics: (target: string | undefined, ctx: { spec: Spec; env: Environment; statistic?: string }) => object[];
  /** Why such an alarm cannot exist in this spec (an API alarm without routes). */
  unavailable?: (spec: Spec) => { code: Code; message: string; fix: string } | undefined;
}

/** What a section draws in `gen graph`: Mermaid node lines inside its layer's box, and edges. */
export interface GraphPart {
  layer: Layer;
  nodes: string[];
  edges: string[];
}

/** Where functions name a section's items: its usable key, else its section key. */
export const usableKey = (section: Section): string => section.usable?.key ?? section.key;

/** Mermaid node id of an item: the section key and the name, so any section can draw an edge to another's item. */
export const graphNode = (sectionKey: string, name: string) => `${sectionKey}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;

/** Grants other sections ask of one item of `section`, for its resource policy. */
export const grantsFor = (ctx: CompileContext, section: string, name: string): PolicyGrant[] =>
  ctx.registry.sections.flatMap((s) => s.grants?.(ctx) ?? []).filter((g) => g.section === section && g.name === name);

/** Mermaid label text, quoted. */
export const quote = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;

const EMPTY: Items<never> = { items: [], names: new Set() };

/** The items of a map section, typed by the section that owns them. */
export const itemsOf = <T>(spec: Spec, key: string): Items<T> => (spec.sections[key] as Items<T> | undefined) ?? EMPTY;

/** The value of a single section, when a spec file defines it. */
export const singleOf = <T>(spec: Spec, key: string): Entry<T> | undefined =>
  spec.sections[key] as Entry<T> | undefined;
