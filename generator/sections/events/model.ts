import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';
import { RULE_TARGET_KINDS, targetOf, type Target, type TargetKind } from './targets.js';

/** The account's own bus: rules may sit on it, gen never creates it. */
export const DEFAULT_BUS = 'default';

export interface Rule {
  /** An EventBridge event pattern, as EventBridge writes it. */
  match: Record<string, unknown>;
  /** Absent only in a spec the checks refuse (no target written). */
  target?: Target;
  /** Every target key written, for the check that exactly one is. */
  written: Partial<Record<TargetKind, string>>;
  description?: string;
  /** Constant input instead of the event (any JSON value), or a JSONPath into the event. */
  input?: unknown;
  inputPath?: string;
  retries?: number;
  maxEventAgeSeconds?: number;
  deadLetterQueue?: string;
}

export interface Bus {
  description?: string;
  /** Kept events, replayable; retentionDays absent: kept forever. */
  archive?: { retentionDays?: number };
  /** Sorted by name. */
  rules: { name: string; value: Rule }[];
}

type RawRule = Omit<Rule, 'target' | 'written'> & Partial<Record<TargetKind, string>>;
export interface RawBus {
  description?: string;
  archive?: { retentionDays?: number };
  rules?: Record<string, RawRule>;
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  value !== undefined ? ({ [key]: value } as Record<K, V>) : {};

function normalizeRule(raw: RawRule): Rule {
  const target = targetOf(raw, RULE_TARGET_KINDS);
  return {
    match: raw.match,
    ...(target ? { target } : {}),
    written: Object.fromEntries(RULE_TARGET_KINDS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]])),
    ...optional('description', raw.description),
    ...optional('input', raw.input),
    ...optional('inputPath', raw.inputPath),
    ...optional('retries', raw.retries),
    ...optional('maxEventAgeSeconds', raw.maxEventAgeSeconds),
    ...optional('deadLetterQueue', raw.deadLetterQueue),
  };
}

export function normalizeBus(raw: RawBus): Bus {
  return {
    ...optional('description', raw.description),
    ...(raw.archive !== undefined ? { archive: { ...optional('retentionDays', raw.archive.retentionDays) } } : {}),
    rules: Object.entries(raw.rules ?? {})
      .map(([name, rule]) => ({ name, value: normalizeRule(rule) }))
      .sort((a, b) => byText(a.name, b.name)),
  };
}

/** The buses of a spec (the events section's items). */
export const busesOf = (spec: Spec) => itemsOf<Bus>(spec, 'events');

/** Every rule with its bus, in bus then rule order. */
export const rulesOf = (spec: Spec) =>
  busesOf(spec).items.flatMap((bus) => bus.value.rules.map((rule) => ({ bus: bus.name, entry: bus, ...rule })));

/** The bus a rule is on (rule names are unique across buses). */
export const busOfRule = (spec: Spec, rule: string) => rulesOf(spec).find((r) => r.name === rule)?.bus;
