/** The body import for moto (local-rest-api.ts): which bodies, resolved how; deploys are in deploy.test.ts. */
import { describe, expect, it } from 'vitest';
import { restApiBodies } from '../../generator/deploy/local-rest-api.js';
import { pseudoParameters, resolvePseudoParameters } from '../../generator/output/documents.js';

const pseudo = pseudoParameters('eu-central-1', '123456789012');
const uri = {
  'Fn::Sub':
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/functions/arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f/invocations',
};
const resolvedUri =
  'arn:aws:apigateway:eu-central-1:lambda:path/functions/arn:aws:lambda:eu-central-1:123456789012:function:f/invocations';
const body = {
  openapi: '3.0.1',
  paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri } } } },
};

describe('restApiBodies', () => {
  it('resolves an inline body for this account and region', () => {
    const found = restApiBodies(
      { Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: body } } as never } },
      new Map(),
      pseudo,
    );
    expect(found).toMatchObject([
      {
        logicalId: 'Api',
        body: { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { uri: resolvedUri } } } } },
      },
    ]);
  });

  it('takes a body kept beside the templates (BodyS3Location) from the uploaded documents, as resolved for upload', () => {
    const resolvedForUpload = resolvePseudoParameters(body, pseudo);
    const template = {
      Resources: {
        Api: {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: { BodyS3Location: { Bucket: 'b', Key: 'apis/k.json' } },
        } as never,
      },
    };
    const found = restApiBodies(template, new Map([['apis/k.json', resolvedForUpload]]), pseudo);
    expect(found).toMatchObject([
      {
        logicalId: 'Api',
        body: { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { uri: resolvedUri } } } } },
      },
    ]);
  });

  it('says which intrinsic it cannot resolve, and ignores APIs without a body and other resources', () => {
    const template = {
      Resources: {
        Api: {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: { Body: { paths: { '/a': { get: { uri: { Ref: 'Fn' } } } } } },
        },
        Plain: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'no body' } },
        Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
      } as never,
    };
    expect(restApiBodies(template, new Map(), pseudo)).toBe(
      'the OpenAPI body of Api uses Ref, which gen cannot import on the local endpoint',
    );
    delete (template as { Resources: Record<string, unknown> }).Resources.Api;
    expect(restApiBodies(template, new Map(), pseudo)).toEqual([]);
  });
});
