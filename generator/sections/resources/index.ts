/**
 * resources: the escape hatch. Raw CloudFormation resources for what the spec cannot express
 * yet, placed in a layer by the user. They are tagged and checked by the platform rules like
 * everything gen generates, so the escape hatch cannot bypass the platform's invariants.
 */
import { fragment, type Layer } from '../../output/fragment.js';
import type { Spec } from '../../spec.js';
import { itemsOf, type Section } from '../section.js';
import { ESCAPE_HATCH_STATEFUL_TYPES } from './stateful.js';

export interface RawResource {
  layer: Layer;
  type: string;
  properties: Record<string, unknown>;
  deletionPolicy?: string;
  dependsOn?: string[];
}

const resourcesOf = (spec: Spec) => itemsOf<RawResource>(spec, 'resources');

export const resourcesSection: Section = {
  key: 'resources',
  kind: 'map',
  schema: (registry) => ({
    type: 'object',
    description: 'A raw CloudFormation resource (escape hatch); the name is its logical ID.',
    additionalProperties: false,
    required: ['layer', 'type'],
    properties: {
      layer: {
        enum: registry.layers.map((l) => l.name),
        description: `Stack to put it in: ${registry.layers.map((l) => l.name).join(', ')} (data holds what is stateful).`,
        examples: ['app'],
      },
      type: {
        type: 'string',
        pattern: '^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$',
        hint: 'write a CloudFormation type such as AWS::SQS::Queue',
        description: 'CloudFormation resource type.',
        examples: ['AWS::SQS::Queue'],
      },
      properties: {
        type: 'object',
        default: {},
        description: 'Its Properties, exactly as in CloudFormation.',
        examples: [{ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 }],
      },
      deletionPolicy: {
        enum: ['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate'],
        description: 'DeletionPolicy and UpdateReplacePolicy.',
        examples: ['Retain'],
      },
      dependsOn: {
        type: 'array',
        items: { type: 'string' },
        description: 'Logical IDs to create first.',
        examples: [['OrdersTable']],
      },
    },
  }),
  // Hand-written resources are located in the spec; generated ones are gen's responsibility.
  locate: (spec, logicalId) => {
    const entry = resourcesOf(spec).items.find((e) => e.name === logicalId);
    return entry && { file: entry.file, path: entry.path, at: 'key' };
  },
  statefulTypes: [...ESCAPE_HATCH_STATEFUL_TYPES],
  names: {
    pattern: '^[A-Z][A-Za-z0-9]{0,254}$',
    noun: 'resource',
    hint: 'use a CloudFormation logical ID: letters and digits, starting with a capital (for example AuditQueue)',
    maxLength: 255,
  },
  compile: ({ spec }) =>
    fragment(
      resourcesOf(spec).items.map(({ name, value }) => ({
        layer: value.layer,
        logicalId: name,
        resource: {
          Type: value.type,
          Properties: structuredClone(value.properties ?? {}),
          ...(value.deletionPolicy
            ? {
                DeletionPolicy: value.deletionPolicy,
                UpdateReplacePolicy: value.deletionPolicy === 'RetainExceptOnCreate' ? 'Retain' : value.deletionPolicy,
              }
            : {}),
          ...(value.dependsOn ? { DependsOn: value.dependsOn } : {}),
        },
      })),
    ),
};
