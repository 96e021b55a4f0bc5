/** project: who owns the system; its values become the tags on every resource. */
import { error } from '../../diagnostics.js';
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import { names } from '../../naming/ids.js';
import type { Registry, Section } from '../section.js';
import type { Spec } from '../../spec.js';
import { physicalNameProblem, tagValueProblem } from './limits.js';
import { projectOf } from './model.js';
import { environmentDir, environmentFiles } from '../../environment/resolve.js';
import { relative } from 'node:path';

/**
 * Environment names are the Environment tag and the first part of every physical name, and S3
 * bucket names (one of them) allow only lowercase letters, digits and dashes: the same rule as
 * the spec's own names, at the environment's file.
 */
function checkEnvironmentNames(spec: Spec) {
  const files = environmentFiles(environmentDir(spec.root));
  return spec.environmentNames
    .filter((name) => !new RegExp(KEBAB_NAME).test(name))
    .map((name) => {
      const file = relative(spec.root, files.get(name) ?? name);
      const renamed =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^[^a-z]+|-+$/g, '') || 'test';
      return error(
        'GEN207',
        `environment name '${name}' (from its file name) is not allowed: it starts every physical name and S3 bucket names allow only lowercase letters, digits and dashes`,
        { file, path: [] },
        `rename the file to ${relative(spec.root, environmentDir(spec.root))}/${renamed}${file.slice(file.lastIndexOf('.'))} (${KEBAB_HINT})`,
      );
    });
}

/**
 * The project's owner and cost centre are tags on every resource: AWS's tag limits apply. Its
 * name starts every stack name (<project>-<environment>-<layer>), which CloudFormation limits.
 */
function checkProject(spec: Spec, registry: Registry) {
  const project = projectOf(spec);
  if (!project) return [];
  const tags = [
    ['owner', 'Owner'],
    ['costCenter', 'CostCenter'],
  ] as const;
  const layer = registry.layers.map((l) => l.name).sort((a, b) => b.length - a.length)[0] ?? '';
  const stack = physicalNameProblem(
    'project',
    project.value.name,
    spec.environmentNames,
    (env) => names.stack(project.value.name, env, layer),
    { max: 128, what: 'CloudFormation stack names' },
  );
  return [
    ...tags.flatMap(([key, tag]) => {
      const problem = tagValueProblem(`project ${key} '${project.value[key]}'`, tag, project.value[key]);
      return problem
        ? [error('GEN342', problem.message, { file: project.file, path: [...project.path, key] }, problem.fix)]
        : [];
    }),
    ...(stack
      ? [error('GEN320', stack.message, { file: project.file, path: [...project.path, 'name'] }, stack.fix)]
      : []),
  ];
}

export const projectSection: Section = {
  key: 'project',
  kind: 'single',
  schema: {
    type: 'object',
    description: 'The project: its name prefixes stack names; name, owner and costCenter tag every resource.',
    additionalProperties: false,
    required: ['name', 'owner', 'costCenter'],
    properties: {
      name: {
        type: 'string',
        pattern: KEBAB_NAME,
        maxLength: 40,
        hint: KEBAB_HINT,
        description: 'Project name (Project tag, stack name prefix).',
        examples: ['crypto-trading'],
      },
      owner: {
        type: 'string',
        minLength: 1,
        maxLength: 256,
        description: 'Team or person that owns it (Owner tag).',
        examples: ['platform-team'],
      },
      costCenter: {
        type: 'string',
        minLength: 1,
        maxLength: 256,
        description: 'Cost centre billed (CostCenter tag).',
        examples: ['trading-001'],
      },
      description: {
        type: 'string',
        maxLength: 1024,
        description: 'One line about the system.',
        examples: ['AI-assisted crypto trading platform'],
      },
    },
  },
  // Pointed at the first spec file: that is where most people will add it.
  check: (spec, registry) => [
    ...checkEnvironmentNames(spec),
    ...(projectOf(spec)
      ? checkProject(spec, registry)
      : [
          error(
            'GEN311',
            'no spec file defines the project (name, owner, costCenter)',
            spec.files[0] ? { file: spec.files[0], path: [] } : undefined,
            'add a file spec/project.yaml with:\n  project:\n    name: my-app\n    owner: my-team\n    costCenter: cc-001',
          ),
        ]),
  ],
};
