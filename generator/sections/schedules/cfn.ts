/** The cloudform classes the schedules section emits (static imports: the CLI bundle holds them). */
import * as schedule from 'cloudform-types/types/scheduler/schedule.js';
import * as scheduleGroup from 'cloudform-types/types/scheduler/scheduleGroup.js';
import { classOf } from '../../output/cfn.js';

export const SchedulerSchedule = classOf(schedule);
export const SchedulerScheduleGroup = classOf(scheduleGroup);
