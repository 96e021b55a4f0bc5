/** A resolved environment: every per-environment value, typed, defaults applied. */
export interface Environment {
  name: string;
  /** environments/<name>.yaml, for messages. */
  file: string;
  region: string;
  /** When set, a deploy into any other AWS account is refused. */
  account?: string;
  /** Protected environments keep data on delete and ask before changes. */
  protected: boolean;
  logRetentionDays: number;
  tables: {
    billing: 'on-demand' | 'provisioned';
    capacity: { read: number; write: number };
    autoscaling: { enabled: boolean; minCapacity: number; maxCapacity: number; targetUtilization: number };
  };
  functions: {
    memory: number;
    timeout: number;
    provisionedConcurrency: boolean;
  };
  api: { throttle: { rate: number; burst: number } };
  alarms: { periodSeconds: number; evaluationPeriods: number };
  network: { cidr: string; availabilityZones: string[]; singleNatGateway: boolean };
  domain: { name: string; api: string };
  cache: { nodeType: string; nodes: number; multiAz: boolean };
  timeseries: { memoryRetentionHours: number; magneticRetentionDays: number };
  audit: { logRetentionDays: number };
  budget: { monthlyAmount: number };
}
