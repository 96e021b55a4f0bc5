/** The cloudform classes the events section emits (static imports: the CLI bundle holds them). */
import * as eventBus from 'cloudform-types/types/events/eventBus.js';
import * as archive from 'cloudform-types/types/events/archive.js';
import * as rule from 'cloudform-types/types/events/rule.js';
import { classOf } from '../../output/cfn.js';

export const EventBus = classOf(eventBus);
export const EventsArchive = classOf(archive);
export const EventsRule = classOf(rule);
