/** The cloudform class the workflows section emits (a static import: the CLI bundle holds it). */
import * as stateMachine from 'cloudform-types/types/stepFunctions/stateMachine.js';
import { classOf } from '../../output/cfn.js';

export const StateMachine = classOf(stateMachine);
