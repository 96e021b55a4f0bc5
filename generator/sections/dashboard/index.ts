/**
 * dashboard: one CloudWatch dashboard per environment, drawn from what the spec contains: every
 * section contributes its graphs (Section.dashboard), so a new section shows up without editing
 * this folder. `dashboard: false` in a spec file turns it off.
 */
import { ids, names } from '../../naming/ids.js';
import { fragment } from '../../output/fragment.js';
import { classOf, sub } from '../../output/cfn.js';
import * as dashboardModule from 'cloudform-types/types/cloudWatch/dashboard.js';
import { projectOf } from '../project/model.js';
import { singleOf, type DashboardGraph, type Section } from '../section.js';

const Dashboard = classOf(dashboardModule);

/** Two graphs side by side, 12 columns of CloudWatch's 24 each; a graph shows at most this many series. */
const WIDTH = 12;
const HEIGHT = 6;
const SERIES_PER_GRAPH = 20;

/** Graphs with many series (34 functions) are split so each stays readable: "Errors (1/2)". */
function split(graph: DashboardGraph): DashboardGraph[] {
  if (graph.metrics.length <= SERIES_PER_GRAPH) return [graph];
  const parts = Math.ceil(graph.metrics.length / SERIES_PER_GRAPH);
  return Array.from({ length: parts }, (_, i) => ({
    ...graph,
    title: `${graph.title} (${i + 1}/${parts})`,
    metrics: graph.metrics.slice(i * SERIES_PER_GRAPH, (i + 1) * SERIES_PER_GRAPH),
  }));
}

export function dashboardBody(graphs: DashboardGraph[], period: number): string {
  const widgets = graphs.flatMap(split).map((graph, i) => ({
    type: 'metric',
    x: (i % 2) * WIDTH,
    y: Math.floor(i / 2) * HEIGHT,
    width: WIDTH,
    height: HEIGHT,
    properties: {
      title: graph.title,
      metrics: graph.metrics,
      stat: graph.stat,
      period,
      view: 'timeSeries',
      region: '${AWS::Region}',
    },
  }));
  return JSON.stringify({ widgets });
}

export const dashboardSection: Section = {
  key: 'dashboard',
  kind: 'single',
  schema: {
    type: 'boolean',
    description:
      "Whether gen makes the environment's CloudWatch dashboard (graphs of every function, table, queue, API... the spec has). Default: true.",
    examples: [false],
  },
  compile: (ctx) => {
    const { spec, env, registry } = ctx;
    const project = projectOf(spec);
    if (singleOf<boolean>(spec, 'dashboard')?.value === false || !project) return fragment([]);
    const graphs = registry.sections
      .flatMap((section) => section.dashboard?.(ctx) ?? [])
      .filter((g) => g.metrics.length > 0);
    if (graphs.length === 0) return fragment([]);
    return fragment([
      {
        layer: 'monitoring',
        logicalId: ids.dashboard(),
        resource: new Dashboard({
          DashboardName: names.dashboard(env.name, project.value.name),
          DashboardBody: sub(dashboardBody(graphs, env.alarms.periodSeconds)) as never,
        }),
      },
    ]);
  },
};
