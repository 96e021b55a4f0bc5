/** Queues and the functions that read them, across the stacks of an environment (GEN-G2, GEN-G9). */
import type { EnvironmentView, Found } from './environment-view.js';
import type { CfnResource } from './rule.js';

export interface Consumer {
  mapping: Found;
  fn?: Found;
}

/** The event source mappings that read `queue`, each with its function when that is in the stacks. */
export function consumersOf(view: EnvironmentView, queue: CfnResource): Consumer[] {
  return view
    .all('AWS::Lambda::EventSourceMapping')
    .filter((m) => view.resolve(m.resource.Properties?.EventSourceArn, 'AWS::SQS::Queue', m.stack)?.resource === queue)
    .map((mapping) => ({
      mapping,
      fn: view.resolve(mapping.resource.Properties?.FunctionName, 'AWS::Lambda::Function', mapping.stack),
    }));
}

/** How a consumer is named in messages: its function's name, or the mapping's logical ID. */
export const consumerName = (view: EnvironmentView, c: Consumer) =>
  c.fn ? `'${view.nameOf(c.fn)}'` : `the function of ${c.mapping.id}`;
