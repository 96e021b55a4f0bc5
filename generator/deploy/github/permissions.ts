/**
 * What the GitHub Actions roles of one environment may do (README, "CI with GitHub Actions").
 * gen deploys without a CloudFormation service role, so CloudFormation creates resources with the
 * caller's own credentials: the deploy role drives change sets on the project's stacks only, and
 * may create resources of the services gen's templates use only through CloudFormation
 * (aws:CalledVia), never by calling those services itself.
 */

/** Service prefixes of the resource types gen's sections emit (tests check every golden template's types). */
export const SERVICES_THROUGH_CLOUDFORMATION = [
  'acm',
  'apigateway',
  'application-autoscaling',
  'backup',
  'budgets',
  'cloudfront',
  'cloudwatch',
  'dynamodb',
  'ec2',
  'ecr',
  'elasticache',
  'events',
  'kms',
  'lambda',
  'logs',
  'route53',
  's3',
  'scheduler',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'states',
  'timestream',
  'wafv2',
] as const;

/** Services the project's roles are passed to (the trust principals of the roles gen writes). */
export const PASSED_TO_SERVICES = [
  'apigateway.amazonaws.com',
  'backup.amazonaws.com',
  'events.amazonaws.com',
  'lambda.amazonaws.com',
  'scheduler.amazonaws.com',
  'states.amazonaws.com',
] as const;

/** Managing the project's roles; attaching only AWS's service-role policies (never AdministratorAccess). */
const ROLE_ACTIONS = [
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'iam:ListRoleTags',
  'iam:PutRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

const CHANGE_SET_ACTIONS = [
  'cloudformation:CreateChangeSet',
  'cloudformation:DeleteChangeSet',
  'cloudformation:DeleteStack',
  'cloudformation:DescribeChangeSet',
  'cloudformation:ExecuteChangeSet',
  'cloudformation:GetStackPolicy',
  'cloudformation:ListChangeSets',
  'cloudformation:SetStackPolicy',
  // gen tags its stacks (Project, Environment, ...); tagging a stack may be authorized on its own.
  'cloudformation:TagResource',
  'cloudformation:UntagResource',
  'cloudformation:UpdateTerminationProtection',
];

const STACK_READ_ACTIONS = [
  'cloudformation:DescribeStackEvents',
  'cloudformation:DescribeStackResource',
  'cloudformation:DescribeStacks',
  'cloudformation:GetTemplate',
  'cloudformation:ListStackResources',
];

const sub = (text: string) => ({ 'Fn::Sub': text });
const viaCloudFormation = { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['cloudformation.amazonaws.com'] } };

/** What both roles read: the stacks, and the retained resources gen diff and deploy look for by name. */
function readStatements(project: string, env: string) {
  const stacks = sub(`arn:\${AWS::Partition}:cloudformation:*:\${AWS::AccountId}:stack/${project}-${env}-*/*`);
  return [
    { Sid: 'ReadTheProjectStacks', Effect: 'Allow', Action: STACK_READ_ACTIONS, Resource: stacks },
    // Finding which stack holds a resource (by its physical id) is not scoped to a stack by CloudFormation.
    { Sid: 'FindOwningStacks', Effect: 'Allow', Action: 'cloudformation:DescribeStackResources', Resource: '*' },
    {
      Sid: 'LookUpRetainedResources',
      Effect: 'Allow',
      Action: [
        'dynamodb:DescribeTable',
        'ecr:DescribeRepositories',
        'events:DescribeEventBus',
        'logs:DescribeLogGroups',
        's3:ListBucket',
        'sqs:GetQueueUrl',
      ],
      Resource: [
        sub(`arn:\${AWS::Partition}:dynamodb:*:\${AWS::AccountId}:table/${env}-*`),
        sub(`arn:\${AWS::Partition}:ecr:*:\${AWS::AccountId}:repository/${env}-*`),
        sub(`arn:\${AWS::Partition}:events:*:\${AWS::AccountId}:event-bus/${env}-*`),
        sub(`arn:\${AWS::Partition}:logs:*:\${AWS::AccountId}:log-group:*`),
        sub(`arn:\${AWS::Partition}:s3:::${env}-${project}-*`),
        sub(`arn:\${AWS::Partition}:sqs:*:\${AWS::AccountId}:${env}-*`),
      ],
    },
  ];
}

/** The pull-request role: reads only (gen diff makes no change set). */
export const diffPolicy = (project: string, env: string) => ({
  Version: '2012-10-17',
  Statement: readStatements(project, env),
});

/** The deploy role: change sets on the project's stacks, its artifacts, and resources only through CloudFormation. */
export function deployPolicy(project: string, env: string) {
  const role = sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${project}-${env}-*`);
  const artifacts = `arn:\${AWS::Partition}:s3:::gen-artifacts-${env}-\${AWS::AccountId}-*`;
  return {
    Version: '2012-10-17',
    Statement: [
      ...readStatements(project, env),
      {
        Sid: 'ChangeTheProjectStacks',
        Effect: 'Allow',
        Action: CHANGE_SET_ACTIONS,
        Resource: [
          sub(`arn:\${AWS::Partition}:cloudformation:*:\${AWS::AccountId}:stack/${project}-${env}-*/*`),
          sub('arn:${AWS::Partition}:cloudformation:*:${AWS::AccountId}:changeSet/gen-*/*'),
        ],
      },
      {
        Sid: 'UploadArtifactsAndTakeTheDeployLock',
        Effect: 'Allow',
        Action: ['s3:DeleteObject', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
        Resource: [sub(artifacts), sub(`${artifacts}/*`)],
      },
      {
        Sid: 'PushFunctionImages',
        Effect: 'Allow',
        Action: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:CompleteLayerUpload',
          'ecr:DescribeImages',
          'ecr:InitiateLayerUpload',
          'ecr:PutImage',
          'ecr:UploadLayerPart',
        ],
        Resource: sub(`arn:\${AWS::Partition}:ecr:*:\${AWS::AccountId}:repository/${env}-*`),
      },
      // Not scoped by AWS to a repository: it is the docker login.
      { Sid: 'LogInToTheImageRegistry', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Sid: 'CreateResourcesOnlyThroughCloudFormation',
        Effect: 'Allow',
        Action: SERVICES_THROUGH_CLOUDFORMATION.map((service) => `${service}:*`),
        Resource: '*',
        Condition: viaCloudFormation,
      },
      {
        Sid: 'ManageTheProjectRolesThroughCloudFormation',
        Effect: 'Allow',
        Action: ROLE_ACTIONS,
        Resource: role,
        Condition: viaCloudFormation,
      },
      {
        Sid: 'AttachOnlyServiceRolePolicies',
        Effect: 'Allow',
        Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
        Resource: role,
        Condition: {
          ...viaCloudFormation,
          ArnLike: { 'iam:PolicyARN': sub('arn:${AWS::Partition}:iam::aws:policy/service-role/*') },
        },
      },
      {
        Sid: 'PassTheProjectRolesToItsServices',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: role,
        Condition: { StringEquals: { 'iam:PassedToService': [...PASSED_TO_SERVICES] } },
      },
      {
        // Services create their own service-linked roles on first use (Auto Scaling, ElastiCache, Backup).
        Sid: 'CreateServiceLinkedRolesThroughCloudFormation',
        Effect: 'Allow',
        Action: 'iam:CreateServiceLinkedRole',
        Resource: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/*'),
        Condition: viaCloudFormation,
      },
    ],
  };
}
