/** Checks of schedules: one expression Scheduler accepts, a real time zone, an existing function and a standard dead-letter queue. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import { names } from '../../naming/ids.js';
import { physicalNameProblem } from '../project/limits.js';
import { projectOf } from '../project/model.js';
import type { Entry, Spec } from '../../spec.js';
import { checkDeadLetterQueue, checkEnvironmentNames, exactlyOneTarget, unknownTarget } from '../events/targets.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { schedulesOf, type Schedule } from './model.js';

const MAX_WINDOW_MINUTES = 1440;
const MAX_INPUT = 8192;

/** Whether the runtime's time zone data knows the name (the IANA database Scheduler uses too). */
function knownTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function checkCron(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6)
    return `has ${fields.length} fields; EventBridge cron has six: minutes hours day-of-month month day-of-week year`;
  if (fields[2] !== '?' && fields[4] !== '?') return 'sets both day-of-month and day-of-week; one of them must be ?';
  return undefined;
}

function checkSchedule(spec: Spec, registry: Registry, entry: Entry<Schedule>): Diagnostic[] {
  const { name, value: schedule, file, path } = entry;
  const at = (...rest: string[]) => ({ file, path: [...path, ...rest] });
  const out: Diagnostic[] = [];
  if (schedule.every === undefined && schedule.cron === undefined) {
    out.push(
      error(
        'GEN202',
        `schedule '${name}' says neither when (every) nor at what times (cron) it runs`,
        at(),
        'add every: 5 minutes, or cron: "0 2 * * ? *"',
      ),
    );
  } else if (schedule.every !== undefined && schedule.cron !== undefined) {
    out.push(
      error(
        'GEN206',
        `schedule '${name}' has both every and cron`,
        { ...at('cron'), at: 'key' },
        'keep one of every, cron',
      ),
    );
  }
  if (schedule.cron !== undefined) {
    const problem = checkCron(schedule.cron);
    if (problem)
      out.push(
        error(
          'GEN323',
          `cron '${schedule.cron}' of schedule '${name}' ${problem}`,
          at('cron'),
          'write six fields, for example "0 2 * * ? *" (02:00 every day)',
        ),
      );
  }
  if (schedule.timezone !== undefined && !knownTimezone(schedule.timezone)) {
    const zones = Intl.supportedValuesOf('timeZone');
    out.push(
      error(
        'GEN323',
        `timezone '${schedule.timezone}' of schedule '${name}' is not a known time zone.${suggestion(schedule.timezone, zones)}`,
        at('timezone'),
        'use an IANA time zone name such as Europe/Berlin or America/New_York, or UTC',
      ),
    );
  }
  if (schedule.windowMinutes !== undefined && schedule.windowMinutes > MAX_WINDOW_MINUTES) {
    out.push(
      error(
        'GEN323',
        `window of schedule '${name}' is ${schedule.windowMinutes} minutes; Scheduler allows at most ${MAX_WINDOW_MINUTES} (24 hours)`,
        at('window'),
        'use a window of at most 24 hours',
      ),
    );
  }
  if (schedule.input !== undefined && JSON.stringify(schedule.input).length > MAX_INPUT) {
    out.push(
      error(
        'GEN206',
        `input of schedule '${name}' is ${JSON.stringify(schedule.input).length} characters as JSON; Scheduler allows ${MAX_INPUT}`,
        at('input'),
        'send less',
      ),
    );
  }
  const long = physicalNameProblem('schedule', name, spec.environmentNames, (env) => names.schedule(env, name), {
    max: 64,
    what: 'Scheduler schedule names',
  });
  if (long) out.push(error('GEN320', long.message, { ...at(), at: 'key' }, long.fix));
  const one = exactlyOneTarget(schedule, ['function', 'workflow'], `schedule '${name}'`, at());
  out.push(...one);
  if (one.length === 0)
    out.push(
      ...(schedule.function !== undefined
        ? unknownReference(
            spec,
            registry.section('functions')!,
            schedule.function,
            `schedule '${name}' invokes`,
            at('function'),
          )
        : unknownTarget(
            spec,
            registry,
            { kind: 'workflow', name: schedule.workflow! },
            `schedule '${name}' starts`,
            at('workflow'),
          )),
    );
  if (schedule.deadLetterQueue !== undefined)
    out.push(
      ...checkDeadLetterQueue(
        spec,
        registry,
        schedule.deadLetterQueue,
        `schedule '${name}' sends failed invocations to`,
        at('deadLetterQueue'),
      ),
    );
  out.push(...checkEnvironmentNames(spec, schedule.enabled, 'enabled', at('enabled')));
  return out;
}

/** The schedule group, <environment>-<project>, fits Scheduler's 64 characters. */
function checkGroup(spec: Spec): Diagnostic[] {
  const project = projectOf(spec);
  if (!project || schedulesOf(spec).items.length === 0) return [];
  const long = physicalNameProblem(
    'project',
    project.value.name,
    spec.environmentNames,
    (env) => names.scheduleGroup(env, project.value.name),
    { max: 64, what: 'Scheduler schedule group names (<environment>-<project>)' },
  );
  return long ? [error('GEN320', long.message, { file: project.file, path: [...project.path, 'name'] }, long.fix)] : [];
}

export const checkSchedules = (spec: Spec, registry: Registry): Diagnostic[] => [
  ...checkGroup(spec),
  ...schedulesOf(spec).items.flatMap((entry) => checkSchedule(spec, registry, entry)),
];
