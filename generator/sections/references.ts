/**
 * One check for every reference from one item to another section's item (a function using a
 * table, a route calling a function, an alarm watching either): the name must exist, and the
 * message says which names do (did-you-mean).
 */
import { error, type Diagnostic, type Location } from '../diagnostics.js';
import { suggestion } from '../naming/did-you-mean.js';
import type { Spec } from '../spec.js';
import { itemsOf, type Section } from './section.js';

/** `function 'orders' uses table 'order', which is not defined. Did you mean 'orders'?`, or nothing when it exists. */
export function unknownReference(
  spec: Spec,
  target: Section,
  name: string,
  who: string,
  location: Location,
): Diagnostic[] {
  const known = itemsOf(spec, target.key).names;
  if (known.has(name)) return [];
  const noun = target.names?.noun ?? target.key;
  return [
    error(
      target.names?.unknown ?? 'GEN312',
      `${who} ${noun} '${name}', which is not defined.${suggestion(name, known)}`,
      location,
      `use the name of a ${noun} from the ${target.key} section, or define the ${noun}`,
    ),
  ];
}
