/**
 * Logical IDs are a deployment contract: changing one makes CloudFormation replace the
 * resource (a new, empty table). These pins fail loudly if anyone changes the naming scheme.
 */
import { describe, expect, it } from 'vitest';
import { arns, ids, names, pascal } from '../../generator/naming/ids.js';
import { didYouMean } from '../../generator/naming/did-you-mean.js';

describe('logical IDs', () => {
  it('are pinned for every kind of resource', () => {
    expect({
      table: ids.table('strategy-templates'),
      readScaling: ids.scalableTarget('risk-events', undefined, 'Read'),
      indexScalingPolicy: ids.scalingPolicy('risk-events', 'eventType-timestamp-index', 'Write'),
      function: ids.function('kill-switch'),
      role: ids.role('kill-switch'),
      logGroup: ids.logGroup('kill-switch'),
      version: ids.version('kill-switch', 'abcdef0123456789'),
      alias: ids.alias('kill-switch'),
      repository: ids.repository('fraud-detection'),
      api: ids.api(),
      deployment: ids.apiDeployment('0123456789abcdef'),
      stage: ids.apiStage(),
      accessLogs: ids.apiAccessLogs(),
      permission: ids.routePermission('GET', '/strategies/{id}'),
      rootPermission: ids.routePermission('GET', '/'),
      key: ids.alarmKey(),
      keyAlias: ids.alarmKeyAlias(),
      topic: ids.alarmTopic(),
      topicPolicy: ids.alarmTopicPolicy(),
      alarm: ids.alarm('api-5xx'),
    }).toEqual({
      table: 'StrategyTemplatesTable',
      readScaling: 'RiskEventsTableReadScaling',
      indexScalingPolicy: 'RiskEventsEventTypeTimestampIndexIndexWriteScalingPolicy',
      function: 'KillSwitchFunction',
      role: 'KillSwitchRole',
      logGroup: 'KillSwitchLogGroup',
      version: 'KillSwitchVersionabcdef0123',
      alias: 'KillSwitchAlias',
      repository: 'FraudDetectionRepository',
      api: 'Api',
      deployment: 'ApiDeployment0123456789',
      stage: 'ApiStage',
      accessLogs: 'ApiAccessLogGroup',
      permission: 'GetStrategiesIdPermission',
      rootPermission: 'GetRootPermission',
      key: 'AlarmTopicKey',
      keyAlias: 'AlarmTopicKeyAlias',
      topic: 'AlarmTopic',
      topicPolicy: 'AlarmTopicPolicy',
      alarm: 'Api5xxAlarm',
    });
  });

  it('are pinned for the network, keyed by zone letter and service, never by position', () => {
    expect({
      vpc: ids.vpc(),
      internetGateway: ids.internetGateway(),
      attachment: ids.internetGatewayAttachment(),
      privateSubnet: ids.subnet('Private', 'A'),
      publicSubnet: ids.subnet('Public', 'C'),
      association: ids.subnetRouteTableAssociation('Private', 'B'),
      publicRouteTable: ids.publicRouteTable(),
      publicRoute: ids.publicRoute(),
      privateRouteTable: ids.privateRouteTable('B'),
      privateRoute: ids.privateRoute('B'),
      nat: ids.natGateway('A'),
      natAddress: ids.natAddress('A'),
      gatewayEndpoint: ids.endpoint('dynamodb'),
      interfaceEndpoint: ids.endpoint('ecr.api'),
      functionGroup: ids.functionSecurityGroup(),
      endpointGroup: ids.endpointSecurityGroup(),
    }).toEqual({
      vpc: 'Vpc',
      internetGateway: 'InternetGateway',
      attachment: 'InternetGatewayAttachment',
      privateSubnet: 'PrivateSubnetA',
      publicSubnet: 'PublicSubnetC',
      association: 'PrivateSubnetBRouteTableAssociation',
      publicRouteTable: 'PublicRouteTable',
      publicRoute: 'PublicRouteTableInternetRoute',
      privateRouteTable: 'PrivateRouteTableB',
      privateRoute: 'PrivateRouteTableBNatRoute',
      nat: 'NatGatewayA',
      natAddress: 'NatGatewayAAddress',
      gatewayEndpoint: 'DynamodbEndpoint',
      interfaceEndpoint: 'EcrApiEndpoint',
      functionGroup: 'FunctionSecurityGroup',
      endpointGroup: 'EndpointSecurityGroup',
    });
    expect(names.networkPart('test', 'crypto-trading', 'private-a')).toBe('test-crypto-trading-private-a');
  });

  it('of the cache are pinned', () => {
    expect({
      securityGroup: ids.cacheSecurityGroup(),
      egress: ids.cacheEgress(),
      subnetGroup: ids.cacheSubnetGroup(),
      replicationGroup: ids.cacheReplicationGroup(),
      secret: ids.cacheAuthSecret(),
      secretPolicy: ids.cacheAuthSecretPolicy(),
      endpointAddress: ids.linkedAttribute(ids.cacheReplicationGroup(), 'PrimaryEndPoint.Address'),
      endpointPort: ids.linkedAttribute(ids.cacheReplicationGroup(), 'PrimaryEndPoint.Port'),
    }).toEqual({
      securityGroup: 'CacheSecurityGroup',
      egress: 'FunctionSecurityGroupCacheEgress',
      subnetGroup: 'CacheSubnetGroup',
      replicationGroup: 'CacheReplicationGroup',
      secret: 'CacheAuthSecret',
      secretPolicy: 'CacheAuthSecretPolicy',
      endpointAddress: 'CacheReplicationGroupPrimaryEndPointAddress',
      endpointPort: 'CacheReplicationGroupPrimaryEndPointPort',
    });
    expect(names.cache('production', 'crypto-trading')).toBe('production-crypto-trading');
  });

  it('of the firewall are pinned', () => {
    expect(
      (['Site', 'Api'] as const).flatMap((scope) => [
        ids.webAcl(scope),
        ids.webAclLogging(scope),
        ids.firewallLogsBucket(scope),
        ids.firewallLogsBucketPolicy(scope),
      ]),
    ).toEqual([
      'SiteWebAcl',
      'SiteWebAclLogging',
      'SiteFirewallLogsBucket',
      'SiteFirewallLogsBucketPolicy',
      'ApiWebAcl',
      'ApiWebAclLogging',
      'ApiFirewallLogsBucket',
      'ApiFirewallLogsBucketPolicy',
    ]);
    expect(ids.webAclAssociation('Api')).toBe('ApiWebAclAssociation');
    expect(names.webAcl('production', 'crypto-trading', 'Site')).toBe('production-crypto-trading-site');
    expect(names.firewallLogsBucket('test', 'crypto-trading', 'Api')).toBe(
      'aws-waf-logs-test-crypto-trading-api-${AWS::AccountId}',
    );
  });

  it('of the edge are pinned', () => {
    expect([
      ids.hostedZone(),
      ids.siteCertificate(),
      ids.siteOriginAccessControl(),
      ids.siteCachePolicy(31536000),
      ids.siteDistribution(),
      ids.siteRecord('A'),
      ids.siteRecord('AAAA'),
      ids.siteLogsSource(),
      ids.siteLogsDestination(),
      ids.siteLogsDelivery(),
      ids.apiCertificate(),
      ids.apiDomainName(),
      ids.apiBasePathMapping(),
      ids.apiRecord(),
    ]).toEqual([
      'HostedZone',
      'SiteCertificate',
      'SiteOriginAccessControl',
      'SiteCachePolicy31536000',
      'SiteDistribution',
      'SiteARecord',
      'SiteAaaaRecord',
      'SiteLogsDeliverySource',
      'SiteLogsDeliveryDestination',
      'SiteLogsDelivery',
      'ApiCertificate',
      'ApiDomainName',
      'ApiBasePathMapping',
      'ApiARecord',
    ]);
    expect(names.site('test', 'crypto-trading')).toBe('test-crypto-trading-site');
    expect(names.site('test', 'crypto-trading', 'cache-3600')).toBe('test-crypto-trading-cache-3600');
  });

  it('derive from the name alone', () => {
    expect(pascal('a-b-c')).toBe('ABC');
    expect(pascal('orders')).toBe('Orders');
    expect(ids.table('orders')).toBe(ids.table('orders'));
  });

  it('pin physical names and cross-stack ARNs (no exports)', () => {
    expect(names.table('test', 'orders')).toBe('test-orders');
    expect(names.functionLogGroup('production', 'kill-switch')).toBe('/aws/lambda/production-kill-switch');
    expect(names.repository('production', 'fraud-detection')).toBe('production-fraud-detection');
    expect(names.stack('crypto-trading', 'test', 'data')).toBe('crypto-trading-test-data');
    expect(names.tableVariable('risk-events')).toBe('TABLE_RISK_EVENTS');
    expect(arns.table('test-orders')).toBe(
      'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-orders',
    );
  });

  it('pin workflow IDs, names and ARNs', () => {
    expect([
      ids.stateMachine('trade-lifecycle'),
      ids.stateMachineRole('trade-lifecycle'),
      ids.stateMachineLogGroup('trade-lifecycle'),
    ]).toEqual(['TradeLifecycleStateMachine', 'TradeLifecycleStateMachineRole', 'TradeLifecycleStateMachineLogGroup']);
    expect(names.stateMachine('production', 'trade-lifecycle')).toBe('production-trade-lifecycle');
    expect(names.stateMachineLogGroup('test', 'backfill')).toBe('/aws/vendedlogs/states/test-backfill');
    expect(names.variable('WORKFLOW', 'audit-packages')).toBe('WORKFLOW_AUDIT_PACKAGES');
    expect(arns.stateMachine('test-backfill')).toBe(
      'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:test-backfill',
    );
  });
});

describe('keys and secrets', () => {
  it('pin logical IDs, physical names and ARN patterns', () => {
    expect({
      key: ids.key('secrets'),
      keyAlias: ids.keyAlias('secrets'),
      secret: ids.secret('binance-api'),
      secretPolicy: ids.secretPolicy('binance-api'),
      rotation: ids.secretRotation('binance-api'),
      rotationPermission: ids.secretRotationPermission('binance-api'),
    }).toEqual({
      key: 'SecretsKey',
      keyAlias: 'SecretsKeyAlias',
      secret: 'BinanceApiSecret',
      secretPolicy: 'BinanceApiSecretPolicy',
      rotation: 'BinanceApiSecretRotation',
      rotationPermission: 'BinanceApiSecretRotationPermission',
    });
    expect(names.keyAlias('production', 'crypto-trading', 'secrets')).toBe('alias/production-crypto-trading-secrets');
    expect(names.secret('production', 'crypto-trading', 'binance-api')).toBe('production/crypto-trading/binance-api');
    expect(names.rolePath('production', 'crypto-trading', 'order-router')).toBe(
      '/crypto-trading/production/order-router/',
    );
    expect(arns.secret('test/shop/binance-api')).toBe(
      'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:test/shop/binance-api-??????',
    );
    expect(arns.rolesUnder('/shop/test/orders/')).toBe(
      'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/shop/test/orders/*',
    );
    expect(arns.keys()).toBe('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*');
  });
});

describe('did you mean', () => {
  it('suggests close names and nothing for unrelated ones', () => {
    expect(didYouMean('memroy', ['memory', 'timeout'])).toBe('memory');
    expect(didYouMean('strategy', ['strategies', 'orders'])).toBe('strategies');
    expect(didYouMean('prod', ['production', 'test'])).toBe('production');
    expect(didYouMean('zzzz', ['orders', 'customers'])).toBeUndefined();
    expect(didYouMean('readwrite', ['read', 'write', 'read-write'])).toBe('read-write');
    expect(didYouMean('x', [])).toBeUndefined();
  });
});

describe('operations resources', () => {
  it('pin the backup, budget and time-series IDs and names', () => {
    expect({
      vault: ids.backupVault(),
      vaultKey: ids.backupVaultKey(),
      vaultKeyAlias: ids.backupVaultKeyAlias(),
      plan: ids.backupPlan(),
      selection: ids.backupSelection(),
      role: ids.backupRole(),
      budget: ids.budget(),
      database: ids.timeseriesDatabase('market-data'),
      databaseKey: ids.timeseriesKey('market-data'),
      databaseKeyAlias: ids.timeseriesKeyAlias('market-data'),
      table: ids.timeseriesTable('market-data', 'price-data'),
    }).toEqual({
      vault: 'BackupVault',
      vaultKey: 'BackupVaultKey',
      vaultKeyAlias: 'BackupVaultKeyAlias',
      plan: 'BackupPlan',
      selection: 'BackupSelection',
      role: 'BackupRole',
      budget: 'Budget',
      database: 'MarketDataTimeseriesDatabase',
      databaseKey: 'MarketDataTimeseriesKey',
      databaseKeyAlias: 'MarketDataTimeseriesKeyAlias',
      table: 'MarketDataPriceDataTimeseriesTable',
    });
    expect({
      vault: names.backupVault('production', 'acinaces'),
      vaultKeyAlias: names.backupVaultKeyAlias('production', 'acinaces'),
      plan: names.backupPlan('production', 'acinaces'),
      selection: names.backupSelection('production', 'acinaces'),
      budget: names.budget('production', 'acinaces'),
      database: names.timeseriesDatabase('production', 'market-data'),
      databaseKeyAlias: names.timeseriesKeyAlias('production', 'acinaces', 'market-data'),
    }).toEqual({
      vault: 'production-acinaces',
      vaultKeyAlias: 'alias/production-acinaces-backup',
      plan: 'production-acinaces',
      selection: 'production-acinaces-tables',
      budget: 'production-acinaces',
      database: 'production-market-data',
      databaseKeyAlias: 'alias/production-acinaces-market-data-timeseries',
    });
  });
});
