/** Backup in `gen graph`: the plan (and its vault) in the monitoring box, reading each table it selects. */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { projectOf } from '../project/model.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { backupOf, selectedTables } from './model.js';

export function backupGraph(spec: Spec, env: Environment): GraphPart {
  const backup = backupOf(spec);
  const project = projectOf(spec);
  if (!backup || !project) return { layer: 'monitoring', nodes: [], edges: [] };
  const { schedules, retentionDays, copyTo } = env.backup;
  const label = [
    'AWS Backup',
    `${schedules.join(' + ')}, kept ${retentionDays} days`,
    `vault ${names.backupVault(env.name, project.value.name)}${copyTo ? ', copied to another region' : ''}`,
  ].join('<br/>');
  return {
    layer: 'monitoring',
    nodes: [`backup[(${quote(label)})]`],
    edges: selectedTables(spec, backup.value).map((t) => `backup -. backs up .-> ${graphNode('tables', t)}`),
  };
}
