import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Positions } from '../../generator/cli/report.js';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { FIXTURES } from '../fixtures/run-fixture.js';

const sub = (text: string) => ({ 'Fn::Sub': text });
const fnArn = (name: string) =>
  sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}`);
const machineArn = (name: string) =>
  sub(`arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${name}`);
const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];
const TRANSIENT = {
  ErrorEquals: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  IntervalSeconds: 2,
  MaxAttempts: 3,
  BackoffRate: 2,
};

const FUNCTIONS = `functions:
  validate:
    handler: handlers/orders.handler
  screen:
    handler: handlers/orders.handler
    provisionedConcurrency: 2
`;
const PIPELINE = `workflows:
  orders:
    type: express
    logs: all
    start: Validate
    states:
      Validate:
        function: validate
        resultPath: $.validation
        catch:
          - errors: [States.ALL]
            next: Failed
        next: Screen
      Screen:
        function: screen
        next: Done
      Done: { succeed: true }
      Failed:
        fail: { error: Rejected, cause: invalid }
`;
const pipeline = (env = 'test') => compileYaml(`${PROJECT}${FUNCTIONS}${PIPELINE}`, env);

describe('workflows section', () => {
  const built = pipeline();

  it('compiles a state machine, its role and log group into the app layer, as one placement group', () => {
    expect(errors(built)).toEqual([]);
    for (const id of ['OrdersStateMachine', 'OrdersStateMachineRole', 'OrdersStateMachineLogGroup'])
      expect(built.layerOf[id], id).toBe('app');
    const machine = built.resources.OrdersStateMachine;
    expect(machine.Type).toBe('AWS::StepFunctions::StateMachine');
    expect(machine.Properties).toMatchObject({
      StateMachineName: 'test-orders',
      StateMachineType: 'EXPRESS',
      RoleArn: { 'Fn::GetAtt': ['OrdersStateMachineRole', 'Arn'] },
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['OrdersStateMachineLogGroup', 'Arn'] } } },
        ],
      },
    });
    const placement = built.stacks!.find((s) => s.layer === 'app')!;
    expect(placement.body).toContain('"OrdersStateMachine"');
  });

  it('writes the definition as an object, functions as substitutions, transient Lambda errors retried by default', () => {
    const { Definition, DefinitionSubstitutions } = built.resources.OrdersStateMachine.Properties;
    expect(Definition.StartAt).toBe('Validate');
    expect(Definition.States.Validate).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${FunctionValidate}', 'Payload.$': '$' },
      ResultPath: '$.validation',
      Retry: [TRANSIENT],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      Next: 'Screen',
    });
    expect(Definition.States.Done).toEqual({ Type: 'Succeed' });
    expect(Definition.States.Failed).toEqual({ Type: 'Fail', Error: 'Rejected', Cause: 'invalid' });
    expect(DefinitionSubstitutions).toEqual({
      FunctionScreen: fnArn('test-screen'),
      FunctionValidate: fnArn('test-validate'),
    });
    // Where provisioned concurrency applies, the state invokes the warm `live` alias.
    expect(
      pipeline('production').resources.OrdersStateMachine.Properties.DefinitionSubstitutions.FunctionScreen,
    ).toEqual(fnArn('production-screen:live'));
  });

  it('logs to /aws/vendedlogs/states/<env>-<name> with the environment retention, kept in protected environments', () => {
    expect(built.resources.OrdersStateMachineLogGroup.Properties).toMatchObject({
      LogGroupName: '/aws/vendedlogs/states/test-orders',
      RetentionInDays: 30,
    });
    expect(built.resources.OrdersStateMachineLogGroup.DeletionPolicy).toBe('Delete');
    const production = pipeline('production').resources.OrdersStateMachineLogGroup;
    expect([production.Properties.RetentionInDays, production.DeletionPolicy]).toEqual([90, 'Retain']);
  });

  it('gives the role exactly: trust by Step Functions of this account, invoke of its functions, log delivery, tracing', () => {
    expect(built.resources.OrdersStateMachineRole.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'states.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
        },
      ],
    });
    expect(statements(built, 'OrdersStateMachineRole')).toEqual([
      {
        Sid: 'InvokeFunctions',
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [fnArn('test-screen'), fnArn('test-validate')],
      },
      {
        Sid: 'LogDelivery',
        Effect: 'Allow',
        Action: [
          'logs:CreateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:DescribeLogGroups',
          'logs:DescribeResourcePolicies',
          'logs:GetLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:UpdateLogDelivery',
        ],
        Resource: '*',
      },
      {
        Sid: 'Logs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [
          sub(
            'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/vendedlogs/states/test-orders:*',
          ),
        ],
      },
      {
        Sid: 'Tracing',
        Effect: 'Allow',
        Action: [
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
          'xray:PutTelemetryRecords',
          'xray:PutTraceSegments',
        ],
        Resource: '*',
      },
    ]);
    // A function behind an alias: its qualified ARNs too.
    expect(statements(pipeline('production'), 'OrdersStateMachineRole')[0].Resource).toEqual([
      fnArn('production-screen'),
      fnArn('production-screen:*'),
      fnArn('production-validate'),
    ]);
  });

  it('is standard by default, logs errors without execution data, and drops tracing and its statement when asked', () => {
    const plain = compileYaml(
      `${PROJECT}${FUNCTIONS}workflows:\n  nightly:\n    tracing: false\n    start: Run\n    states:\n      Run: { function: validate, end: true }\n`,
    );
    expect(errors(plain)).toEqual([]);
    const props = plain.resources.NightlyStateMachine.Properties;
    expect(props.StateMachineType).toBe('STANDARD');
    expect(props.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
    expect(props.TracingConfiguration).toEqual({ Enabled: false });
    expect(statements(plain, 'NightlyStateMachineRole').map((s) => s.Sid)).toEqual([
      'InvokeFunctions',
      'LogDelivery',
      'Logs',
    ]);
    expect(props.Definition.States.Run.End).toBe(true);
    // Guardrail GEN-G6 warns, at the workflow, when logging or tracing is off; it still builds.
    const quiet = `${PROJECT}${FUNCTIONS}workflows:\n  nightly:\n    tracing: false\n    logs: off\n    start: Run\n    states:\n      Run: { function: validate, end: true }\n`;
    const warned = compileYaml(quiet);
    expect(warned.stacks).toBeDefined();
    expect(warned.diagnostics.map((d) => [d.code, d.severity, d.message, positioned(quiet, d)])).toEqual([
      [
        'GEN601',
        'warning',
        expect.stringContaining(
          'GEN-G6 state-machine-observability: NightlyStateMachine in app.template.json: logs nothing (level OFF)',
        ),
        'spec/app.yaml:12:3',
      ],
      [
        'GEN601',
        'warning',
        expect.stringContaining('NightlyStateMachine in app.template.json: is not traced (X-Ray)'),
        'spec/app.yaml:12:3',
      ],
    ]);
    expect(plain.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('is not traced (X-Ray)')]);
  });

  it('keeps retry, payload, selector and timeout as written; retry: [] retries nothing', () => {
    const spec = `${PROJECT}${FUNCTIONS}workflows:
  w:
    start: A
    states:
      A:
        function: validate
        payload: $.order
        resultSelector: { 'ok.$': $.Payload.ok }
        resultPath: null
        timeoutSeconds: 30
        retry:
          - errors: [States.Timeout]
            maxAttempts: 1
        next: B
      B:
        function: screen
        payload: { fixed: 1, 'id.$': $.id }
        retry: []
        end: true
`;
    const { States } = compileYaml(spec).resources.WStateMachine.Properties.Definition;
    expect(States.A).toMatchObject({
      Parameters: { FunctionName: '${FunctionValidate}', 'Payload.$': '$.order' },
      ResultSelector: { 'ok.$': '$.Payload.ok' },
      ResultPath: null,
      TimeoutSeconds: 30,
      Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1, BackoffRate: 2 }],
    });
    expect(States.B.Parameters).toEqual({ FunctionName: '${FunctionScreen}', Payload: { fixed: 1, 'id.$': '$.id' } });
    expect(States.B.Retry).toBeUndefined();
  });

  it('lets functions start a workflow: WORKFLOW_<NAME> and StartExecution on that ARN (+ StartSyncExecution for express)', () => {
    const spec = `${PROJECT}${FUNCTIONS.replace('  screen:\n', '  screen:\n    workflows: { orders: start, nightly: start }\n')}${PIPELINE}  nightly:
    start: Run
    states:
      Run: { pass: true, end: true }
`;
    const started = compileYaml(spec);
    expect(errors(started)).toEqual([]);
    expect(started.resources.ScreenFunction.Properties.Environment.Variables).toEqual({
      WORKFLOW_NIGHTLY: machineArn('test-nightly'),
      WORKFLOW_ORDERS: machineArn('test-orders'),
    });
    expect(statements(started, 'ScreenRole').filter((s) => s.Sid.startsWith('Workflow'))).toEqual([
      {
        Sid: 'WorkflowNightlyStart',
        Effect: 'Allow',
        Action: ['states:StartExecution'],
        Resource: [machineArn('test-nightly')],
      },
      {
        Sid: 'WorkflowOrdersStart',
        Effect: 'Allow',
        Action: ['states:StartExecution', 'states:StartSyncExecution'],
        Resource: [machineArn('test-orders')],
      },
    ]);
    expect(codes(compileYaml(spec.replace('nightly: start }', 'nightly: start, ordres: start }')))).toContain('GEN312');
  });

  it('compiles pass, wait and choice states (camelCase comparisons become ASL)', () => {
    const spec = `${PROJECT}${FUNCTIONS}workflows:
  w:
    start: Wait
    states:
      Wait: { wait: 10, next: Until }
      Until: { wait: { timestampPath: $.at }, next: Decide }
      Decide:
        choice:
          - { variable: $.n, numericGreaterThan: 5, next: Big }
          - or: [{ variable: $.s, stringEquals: x }, { variable: $.s, isNull: true }]
            next: Done
        default: Done
      Big: { pass: true, result: { big: true }, resultPath: $.r, next: Done }
      Done: { succeed: true }
`;
    const { States } = compileYaml(spec).resources.WStateMachine.Properties.Definition;
    expect(States.Wait).toEqual({ Type: 'Wait', Seconds: 10, Next: 'Until' });
    expect(States.Until).toEqual({ Type: 'Wait', TimestampPath: '$.at', Next: 'Decide' });
    expect(States.Decide).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.n', NumericGreaterThan: 5, Next: 'Big' },
        {
          Or: [
            { Variable: '$.s', StringEquals: 'x' },
            { Variable: '$.s', IsNull: true },
          ],
          Next: 'Done',
        },
      ],
      Default: 'Done',
    });
    expect(States.Big).toEqual({ Type: 'Pass', Result: { big: true }, ResultPath: '$.r', Next: 'Done' });
  });

  describe('a definition file', () => {
    const ASL = `Comment: from a file
StartAt: Fan
States:
  Fan:
    Type: Parallel
    Branches:
      - StartAt: A
        States:
          A: { Type: Task, Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "\${function:validate}" }, End: true }
      - StartAt: B
        States:
          B: { Type: Task, Resource: "\${function:screen}", End: true }
    End: true
`;
    const spec = (file: string, type = 'standard') =>
      `${PROJECT}${FUNCTIONS}workflows:\n  batch:\n    type: ${type}\n    definition: ${file}\n`;

    it('turns ${function:x} into DefinitionSubstitutions and lets the role invoke exactly those functions', () => {
      const built = compileYaml(spec('workflows/batch.asl.yaml'), 'test', {}, BUILTIN, {
        'spec/workflows/batch.asl.yaml': ASL,
      });
      expect(errors(built)).toEqual([]);
      const props = built.resources.BatchStateMachine.Properties;
      expect(props.Definition.Comment).toBe('from a file');
      expect(props.Definition.States.Fan.Branches[0].States.A.Parameters.FunctionName).toBe('${FunctionValidate}');
      expect(props.Definition.States.Fan.Branches[1].States.B.Resource).toBe('${FunctionScreen}');
      expect(props.DefinitionSubstitutions).toEqual({
        FunctionScreen: fnArn('test-screen'),
        FunctionValidate: fnArn('test-validate'),
      });
      expect(statements(built, 'BatchStateMachineRole')[0].Resource).toEqual([
        fnArn('test-screen'),
        fnArn('test-validate'),
      ]);
    });

    it('reads JSON too; a .asl.yaml file is never read as a spec file', () => {
      const json = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
      const built = compileYaml(spec('batch.json'), 'test', {}, BUILTIN, { 'spec/batch.json': json });
      expect(errors(built)).toEqual([]);
      expect(built.resources.BatchStateMachine.Properties.DefinitionSubstitutions).toBeUndefined();
      expect(statements(built, 'BatchStateMachineRole').map((s) => s.Sid)).toEqual(['LogDelivery', 'Logs', 'Tracing']);
    });

    it('named .yaml without .asl: both the reference and the file are said to need the .asl.yaml name', () => {
      const built = compileYaml(spec('workflows/batch.yaml'), 'test', {}, BUILTIN, {
        'spec/workflows/batch.yaml': ASL,
      });
      expect(built.diagnostics.map((d) => [d.code, d.message, d.fix])).toEqual([
        [
          'GEN206',
          "workflows.batch.definition 'workflows/batch.yaml' is badly formed",
          'name a .json file, or a YAML file ending in .asl.yaml, relative to spec/',
        ],
        [
          'GEN104',
          'this file looks like a workflow definition (StartAt, States), not a spec file of sections',
          'name it spec/workflows/batch.asl.yaml: gen reads every other YAML file under spec/ as a spec file',
        ],
      ]);
    });

    it('is refused when missing, broken, outside spec/, or with placeholders gen does not fill', () => {
      const file = (text: string, type = 'standard') =>
        compileYaml(spec('workflows/batch.asl.yaml', type), 'test', {}, BUILTIN, {
          'spec/workflows/batch.asl.yaml': text,
        });
      expect(codes(compileYaml(spec('workflows/none.asl.yaml')))).toEqual(['GEN353']);
      expect(codes(file('StartAt: [unclosed'))).toEqual(['GEN353']);
      expect(codes(file('States: {}'))).toEqual(['GEN353']);
      expect(codes(file('StartAt: X\nStates: { A: { Type: Pass, End: true } }'))).toEqual(['GEN353']);
      expect(codes(compileYaml(spec('../outside.json')))).toEqual(['GEN353']);
      expect(codes(file(ASL.replace('function:screen', 'queue:jobs')))).toEqual(['GEN353']);
      const typo = file(ASL.replace('function:screen', 'function:screne'));
      expect(codes(typo)).toEqual(['GEN302']);
      expect(typo.diagnostics[0].message).toContain("Did you mean 'screen'?");
      // Express workflows never wait for a job or a callback.
      const waiting = file(ASL.replace('"${function:screen}"', 'arn:aws:states:::ecs:runTask.sync'), 'express');
      expect(codes(waiting)).toEqual(['GEN352']);
      expect(
        codes(
          file(ASL.replace('"${function:screen}"', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken'), 'express'),
        ),
      ).toEqual(['GEN352']);
      expect(errors(file(ASL.replace('"${function:screen}"', 'arn:aws:states:::ecs:runTask.sync')))).toEqual([]);
    });
  });

  describe('graph errors, each at the spec line', () => {
    const states = (body: string) => `${PROJECT}${FUNCTIONS}workflows:\n  w:\n    start: A\n    states:\n${body}`;
    const at = (text: string, d: Diagnostic) => positioned(text, d);

    it('an unknown next, catch or default names the state meant', () => {
      const text = states(
        '      A:\n        function: validate\n        catch: [{ errors: [States.ALL], next: Fial }]\n        next: Bee\n      Bee:\n        choice: [{ variable: $.x, isPresent: true, next: A }]\n        default: Fail\n      Fail: { fail: true }\n',
      );
      const found = errors(compileYaml(text));
      expect(found.map((d) => [d.code, at(text, d)])).toEqual([['GEN350', 'spec/app.yaml:17:47']]);
      expect(found[0].message).toBe(
        "state 'A' goes to state 'Fial', which is not a state of workflow 'w'. Did you mean 'Fail'?",
      );
    });

    it('an unknown start, an unreachable state, no terminal state', () => {
      const start = states('      B: { succeed: true }\n');
      const [unknown] = errors(compileYaml(start));
      expect([unknown.code, at(start, unknown)]).toEqual(['GEN350', 'spec/app.yaml:13:12']);
      const island = states('      A: { pass: true, end: true }\n      B: { succeed: true }\n');
      const [unreachable] = errors(compileYaml(island));
      expect([unreachable.code, at(island, unreachable)]).toEqual(['GEN351', 'spec/app.yaml:16:7']);
      const loop = states('      A: { pass: true, next: B }\n      B: { wait: 1, next: A }\n');
      const [endless] = errors(compileYaml(loop));
      expect([endless.code, at(loop, endless)]).toEqual(['GEN351', 'spec/app.yaml:14:5']);
    });

    it('an unknown function, with did-you-mean', () => {
      const text = states('      A: { function: screne, end: true }\n');
      const [d] = errors(compileYaml(text));
      expect([d.code, d.message, at(text, d)]).toEqual([
        'GEN302',
        "state 'A' of workflow 'w' invokes function 'screne', which is not defined. Did you mean 'screen'?",
        'spec/app.yaml:15:22',
      ]);
    });

    it('badly formed states: no kind, two kinds, keys of another kind, next and end together or missing, a choice rule without comparison', () => {
      const cases = [
        '      A: { next: B }\n      B: { succeed: true }\n',
        '      A: { pass: true, succeed: true }\n',
        '      A: { pass: true, retry: [], end: true }\n',
        '      A: { pass: true, next: B, end: true }\n      B: { succeed: true }\n',
        '      A: { pass: true }\n',
        '      A:\n        choice: [{ variable: $.x, next: B }]\n      B: { succeed: true }\n',
      ];
      for (const body of cases) expect(codes(compileYaml(states(body))), body).toEqual(['GEN354']);
      expect(codes(compileYaml(`${PROJECT}workflows:\n  w: { tracing: true }\n`))).toEqual(['GEN202']);
      expect(codes(compileYaml(`${PROJECT}workflows:\n  w: { states: { A: { succeed: true } } }\n`))).toEqual([
        'GEN202',
      ]);
      expect(codes(compileYaml(`${PROJECT}workflows:\n  w: { definition: x.json, start: A }\n`))).toEqual(['GEN206']);
      expect(codes(compileYaml(`${PROJECT}workflows:\n  w: { definition: x.json, comment: hi }\n`))).toEqual([
        'GEN206',
      ]);
    });
  });

  it('warns when an express workflow invokes a function that may run past 5 minutes (per environment)', () => {
    const slow = compileYaml(
      `${PROJECT}${FUNCTIONS.replace('  validate:\n', '  validate:\n    timeout: 600\n')}${PIPELINE}`,
    );
    expect(
      slow.diagnostics.map((d) => [
        d.code,
        d.severity,
        positioned(`${PROJECT}${FUNCTIONS.replace('  validate:\n', '  validate:\n    timeout: 600\n')}${PIPELINE}`, d),
      ]),
    ).toEqual([['GEN352', 'warning', 'spec/app.yaml:19:19']]);
    expect(slow.stacks).toBeDefined();
    // A state bounded to 5 minutes waits no longer.
    const bounded = `${PROJECT}${FUNCTIONS.replace('  validate:\n', '  validate:\n    timeout: 600\n')}${PIPELINE.replace('function: validate\n', 'function: validate\n        timeoutSeconds: 300\n')}`;
    expect(compileYaml(bounded).diagnostics).toEqual([]);
    // The environment's default timeout counts too.
    const long = compileYaml(`${PROJECT}${FUNCTIONS}${PIPELINE}`, 'test', {
      test: 'region: eu-central-1\nlogRetentionDays: 30\nfunctions: { timeout: 400 }\n',
    });
    expect(long.diagnostics.map((d) => d.code)).toEqual(['GEN352', 'GEN352']);
  });

  describe('started by schedules and event rules', () => {
    const START = `${PROJECT}${FUNCTIONS}${PIPELINE}queues:\n  ops-dlq: {}\n`;
    const trust = (service: string) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
        },
      ],
    });
    const spec = `${START}schedules:
  hourly:
    every: 1 hour
    workflow: orders
    input: { source: schedule }
    deadLetterQueue: ops-dlq
events:
  default:
    rules:
      order-placed:
        match: { source: [shop.orders] }
        workflow: orders
        deadLetterQueue: ops-dlq
`;
    const built = compileYaml(spec);

    it('a schedule targets the state machine with a role that may start exactly it (and send to its dead-letter queue)', () => {
      expect(errors(built)).toEqual([]);
      expect(built.resources.HourlySchedule.Properties.Target).toMatchObject({
        Arn: machineArn('test-orders'),
        RoleArn: { 'Fn::GetAtt': ['HourlyScheduleRole', 'Arn'] },
        Input: '{"source":"schedule"}',
      });
      const role = built.resources.HourlyScheduleRole.Properties;
      expect(role.AssumeRolePolicyDocument).toEqual(trust('scheduler.amazonaws.com'));
      expect(role.Policies[0].PolicyDocument.Statement.map((s: any) => [s.Sid, s.Action, s.Resource])).toEqual([
        ['StartWorkflow', ['states:StartExecution'], [machineArn('test-orders')]],
        [
          'DeadLetterQueue',
          ['sqs:SendMessage'],
          [sub('arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-ops-dlq')],
        ],
      ]);
    });

    it('an event rule targets the state machine with a role of its own that may start exactly it', () => {
      expect(built.resources.DefaultOrderPlacedRule.Properties.Targets[0]).toMatchObject({
        Arn: machineArn('test-orders'),
        RoleArn: { 'Fn::GetAtt': ['DefaultOrderPlacedRole', 'Arn'] },
      });
      expect(built.layerOf.DefaultOrderPlacedRole).toBe('triggers');
      const role = built.resources.DefaultOrderPlacedRole.Properties;
      expect(role.AssumeRolePolicyDocument).toEqual(trust('events.amazonaws.com'));
      expect(role.Policies[0].PolicyDocument.Statement).toEqual([
        {
          Sid: 'StartWorkflow',
          Effect: 'Allow',
          Action: ['states:StartExecution'],
          Resource: [machineArn('test-orders')],
        },
      ]);
      // No invoke permission: nothing is invoked, the role starts the execution.
      expect(Object.values(built.resources).filter((r) => r.Type === 'AWS::Lambda::Permission')).toEqual([]);
    });

    it('are drawn as edges to the workflow, and refused for an unknown workflow or two targets', () => {
      const mermaid = architectureMermaid(specOf(spec), {
        name: 'test',
        alarms: { periodSeconds: 60 },
        functions: { memory: 256, timeout: 30 },
      } as any);
      expect(mermaid).toContain('schedules_hourly --> workflows_orders');
      expect(mermaid).toContain('events_default -- "rule order-placed" --> workflows_orders');
      const typo = compileYaml(spec.replace('    workflow: orders\n    input', '    workflow: ordres\n    input'));
      expect(typo.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['GEN312', "schedule 'hourly' starts workflow 'ordres', which is not defined. Did you mean 'orders'?"],
      ]);
      expect(codes(compileYaml(spec.replace('        workflow: orders\n', '        workflow: order\n')))).toEqual([
        'GEN312',
      ]);
      expect(
        codes(
          compileYaml(
            spec.replace('    workflow: orders\n    input', '    workflow: orders\n    function: validate\n    input'),
          ),
        ),
      ).toEqual(['GEN206']);
      expect(codes(compileYaml(spec.replace('    workflow: orders\n    input', '    input')))).toEqual(['GEN202']);
    });
  });

  it('has workflow-failures and workflow-timeouts alarms on AWS/States by state machine ARN, and dashboard graphs', () => {
    const spec = `${PROJECT}${FUNCTIONS}${PIPELINE}alarms:\n  orders-failed: { type: workflow-failures, workflow: orders }\n  orders-slow: { type: workflow-timeouts, workflow: orders, threshold: 3 }\n`;
    const alarms = compileYaml(spec).resources;
    expect(alarms.OrdersFailedAlarm.Properties.Metrics[0].MetricStat).toMatchObject({
      Metric: {
        Namespace: 'AWS/States',
        MetricName: 'ExecutionsFailed',
        Dimensions: [{ Name: 'StateMachineArn', Value: machineArn('test-orders') }],
      },
      Stat: 'Sum',
    });
    expect(alarms.OrdersSlowAlarm.Properties).toMatchObject({ Threshold: 3 });
    expect(alarms.OrdersSlowAlarm.Properties.Metrics[0].MetricStat.Metric.MetricName).toBe('ExecutionsTimedOut');
    expect(codes(compileYaml(spec.replace('workflow: orders }', 'workflow: order }')))).toEqual(['GEN312']);
    const body = alarms.Dashboard.Properties.DashboardBody['Fn::Sub'] as string;
    expect(body).toContain(
      '["AWS/States","ExecutionsFailed","StateMachineArn","arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:test-orders"]',
    );
  });

  it('draws workflows with edges to their functions, and counts those functions as invoked (GEN-P5)', () => {
    const spec = specOf(`${PROJECT}${FUNCTIONS}${PIPELINE}`);
    expect(BUILTIN.section('workflows')!.invokes!(spec)).toEqual(['screen', 'validate']);
    const mermaid = architectureMermaid(spec, {
      name: 'test',
      alarms: { periodSeconds: 60 },
      functions: { memory: 256, timeout: 30 },
    } as any);
    expect(mermaid).toContain('workflows_orders{{"test-orders<br/>Step Functions express"}}');
    expect(mermaid).toContain('workflows_orders -- invokes --> functions_validate');
    expect(mermaid).toContain('workflows_orders -- invokes --> functions_screen');
  });
});

/** The spec of an inline YAML text, read through the real loader. */
function specOf(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'gen-workflows-'));
  try {
    cpSync(join(FIXTURES, 'base'), root, { recursive: true });
    writeFileSync(join(root, 'spec/app.yaml'), text);
    return readSpec({ root, specDir: join(root, 'spec') }).spec!;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Where `gen` would print a diagnostic of this spec: file, line and column. */
function positioned(text: string, d: Diagnostic) {
  const root = mkdtempSync(join(tmpdir(), 'gen-workflows-'));
  try {
    mkdirSync(join(root, 'spec'));
    writeFileSync(join(root, 'spec/app.yaml'), text);
    const p = new Positions(root).position(d) as { file: string; line: number; column: number };
    return `${p.file}:${p.line}:${p.column}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
