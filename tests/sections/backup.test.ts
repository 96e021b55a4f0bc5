import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dangerousChanges } from '../../generator/deploy/guard.js';
import { localImpacts } from '../../generator/deploy/replacements.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const TABLES = `tables:
  orders: { partitionKey: id }
  members: { partitionKey: id }
  sessions: { partitionKey: id }
`;
const tableArn = (name: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${name}`,
});
const PRODUCTION = `region: eu-central-1
protected: true
backup: { schedules: [hourly, daily], retentionDays: 35, copyTo: "arn:aws:backup:eu-west-1:123456789012:backup-vault:shop-dr" }
`;

describe('backup section', () => {
  it('backs up every table daily for 7 days by default: vault in data, plan, selection and role in monitoring', () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: {}\n`);
    expect(errors(built)).toEqual([]);
    const { resources, layerOf } = built;
    expect([layerOf.BackupVault, layerOf.BackupVaultKey, layerOf.BackupVaultKeyAlias]).toEqual([
      'data',
      'data',
      'data',
    ]);
    expect([layerOf.BackupPlan, layerOf.BackupSelection, layerOf.BackupRole]).toEqual([
      'monitoring',
      'monitoring',
      'monitoring',
    ]);
    expect(resources.BackupVault.Properties).toEqual({
      BackupVaultName: 'test-shop',
      EncryptionKeyArn: { 'Fn::GetAtt': ['BackupVaultKey', 'Arn'] },
      BackupVaultTags: { CostCenter: 'cc-42', Environment: 'test', Owner: 'shop-team', Project: 'shop' },
    });
    expect(resources.BackupVault.DeletionPolicy).toBe('Delete');
    expect(resources.BackupVaultKey.Properties.EnableKeyRotation).toBe(true);
    expect(resources.BackupPlan.Properties.BackupPlan.BackupPlanRule).toEqual([
      {
        RuleName: 'daily',
        TargetBackupVault: 'test-shop',
        ScheduleExpression: 'cron(0 3 ? * * *)',
        StartWindowMinutes: 60,
        CompletionWindowMinutes: 180,
        Lifecycle: { DeleteAfterDays: 7 },
      },
    ]);
    expect(resources.BackupSelection.Properties).toEqual({
      BackupPlanId: { Ref: 'BackupPlan' },
      BackupSelection: {
        SelectionName: 'test-shop-tables',
        IamRoleArn: { 'Fn::GetAtt': ['BackupRole', 'Arn'] },
        Resources: [tableArn('test-members'), tableArn('test-orders'), tableArn('test-sessions')],
      },
    });
    expect(resources.BackupRole.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
  });

  it("takes frequency, retention and a copy to another region's vault from the environment, and keeps the vault when protected", () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: {}\n`, 'production', { production: PRODUCTION });
    expect(errors(built)).toEqual([]);
    const { resources } = built;
    const copy = [
      {
        DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:shop-dr',
        Lifecycle: { DeleteAfterDays: 35 },
      },
    ];
    const rules = resources.BackupPlan.Properties.BackupPlan.BackupPlanRule;
    expect(
      rules.map((r: any) => [r.RuleName, r.ScheduleExpression, r.Lifecycle.DeleteAfterDays, r.CopyActions]),
    ).toEqual([
      ['hourly', 'cron(0 * ? * * *)', 35, copy],
      ['daily', 'cron(0 3 ? * * *)', 35, copy],
    ]);
    for (const id of ['BackupVault', 'BackupVaultKey'])
      expect([resources[id].DeletionPolicy, (resources[id] as any).UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });

  it('locks the vault in governance mode for the retention period when the environment asks', () => {
    const locked = compileYaml(`${PROJECT}${TABLES}backup: {}\n`, 'production', {
      production: 'region: eu-central-1\nprotected: true\nbackup: { retentionDays: 35, lock: true }\n',
    });
    expect(locked.resources.BackupVault.Properties.LockConfiguration).toEqual({ MinRetentionDays: 35 });
    const open = compileYaml(`${PROJECT}${TABLES}backup: {}\n`);
    expect(open.resources.BackupVault.Properties.LockConfiguration).toBeUndefined();
  });

  it('selects the tables listed, or all but the excluded ones', () => {
    const listed = compileYaml(`${PROJECT}${TABLES}backup: { tables: [orders] }\n`);
    expect(listed.resources.BackupSelection.Properties.BackupSelection.Resources).toEqual([tableArn('test-orders')]);
    const excluded = compileYaml(`${PROJECT}${TABLES}backup: { exclude: [sessions] }\n`);
    expect(excluded.resources.BackupSelection.Properties.BackupSelection.Resources).toEqual([
      tableArn('test-members'),
      tableArn('test-orders'),
    ]);
  });

  it('adds nothing without a backup section', () => {
    const built = compileYaml(`${PROJECT}${TABLES}`);
    expect(Object.keys(built.resources).filter((id) => id.startsWith('Backup'))).toEqual([]);
  });

  it('points at an unknown table with did-you-mean, at both lists', () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: { exclude: [sesions] }\n`);
    expect(codes(built)).toEqual(['GEN301']);
    expect(built.diagnostics[0].message).toBe(
      "backup leaves out table 'sesions', which is not defined. Did you mean 'sessions'?",
    );
    expect(built.diagnostics[0].location?.path).toEqual(['backup', 'exclude', 0]);
    const listed = compileYaml(`${PROJECT}${TABLES}backup: { tables: [order] }\n`);
    expect(listed.diagnostics[0].message).toBe(
      "backup selects table 'order', which is not defined. Did you mean 'orders'?",
    );
  });

  it('refuses a selection of no tables, and exclude beside a list', () => {
    const none = compileYaml(`${PROJECT}tables:\n  orders: { partitionKey: id }\nbackup: { exclude: [orders] }\n`);
    expect(codes(none)).toEqual(['GEN375']);
    expect(none.diagnostics[0].location?.path).toEqual(['backup']);
    const both = compileYaml(`${PROJECT}${TABLES}backup: { tables: [orders], exclude: [sessions] }\n`);
    expect(codes(both)).toEqual(['GEN206']);
    expect(both.diagnostics[0].message).toContain('exclude only applies to tables: all');
  });

  it("refuses a declared key whose alias would be the vault key's", () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: {}\nkeys:\n  backup: {}\n`);
    expect(codes(built)).toEqual(['GEN361']);
    expect(built.diagnostics[0].message).toBe(
      "key 'backup' would have the alias alias/test-shop-backup, which gen already gives the key of the backup vault",
    );
  });

  it("refuses a copy into the environment's own region, at the setting", () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: {}\n`, 'test', {
      test: 'region: eu-central-1\nbackup: { copyTo: "arn:aws:backup:eu-central-1:123456789012:backup-vault:same" }\n',
    });
    expect(codes(built)).toEqual(['GEN376']);
    expect(built.diagnostics[0].location).toEqual({ file: 'environments/test.yaml', path: ['backup', 'copyTo'] });
    expect(built.diagnostics[0].message).toContain("the environment's own region");
  });

  it('refuses a copyTo that is not a backup vault ARN, with how to write one', () => {
    const built = compileYaml(`${PROJECT}${TABLES}backup: {}\n`, 'test', {
      test: 'region: eu-central-1\nbackup: { copyTo: "eu-west-1" }\n',
    });
    expect(codes(built)).toEqual(['GEN206']);
    expect(built.diagnostics[0].fix).toContain('arn:aws:backup:eu-west-1:123456789012:backup-vault:dr');
  });
});

describe('backup in gen graph', () => {
  it('draws the plan with its schedule and vault, reading each table it selects', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-backup-graph-'));
    try {
      cpSync(join(FIXTURES, 'base'), root, { recursive: true });
      writeFileSync(join(root, 'spec/app.yaml'), `${PROJECT}${TABLES}backup: { exclude: [sessions] }\n`);
      const spec = readSpec({ root, specDir: join(root, 'spec') }).spec!;
      const env = { name: 'production', backup: { schedules: ['hourly', 'daily'], retentionDays: 35 } } as any;
      const graph = architectureMermaid(spec, env);
      expect(graph).toContain('backup[("AWS Backup<br/>hourly + daily, kept 35 days<br/>vault production-shop")]');
      expect(graph).toContain('backup -. backs up .-> tables_orders');
      expect(graph).toContain('backup -. backs up .-> tables_members');
      expect(graph).not.toContain('backup -. backs up .-> tables_sessions');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the deploy guard and the backup vault', () => {
  const data = (text: string) => compileYaml(`${PROJECT}${TABLES}${text}`).templates.data;

  it('refuses to remove the vault (and its key) without --allow-replace naming them', async () => {
    const dangers = dangerousChanges([], await localImpacts(data('backup: {}\n'), data('')));
    expect(dangers.map((d) => [d.logicalId, d.action])).toEqual([
      ['BackupVault', 'remove'],
      ['BackupVaultKey', 'remove'],
    ]);
  });

  it('knows the vault keeps its fixed name, so a replacement cannot happen on AWS', async () => {
    const before = data('backup: {}\n');
    const after = structuredClone(before);
    after.Resources.BackupVault.Properties.EncryptionKeyArn = 'arn:aws:kms:eu-central-1:123456789012:key/other';
    const [danger] = dangerousChanges([], await localImpacts(before, after));
    expect(danger).toMatchObject({ logicalId: 'BackupVault', action: 'replace', fixedName: 'test-shop' });
  });
});
