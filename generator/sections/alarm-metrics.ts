/** Building blocks of alarm metric recipes (CloudWatch `Metrics`: metric stats and metric math). */
export const metric = (
  id: string,
  namespace: string,
  name: string,
  dimensions: Record<string, string>,
  period: number,
  statistic: string,
) => ({
  Id: id,
  ReturnData: false,
  MetricStat: {
    Metric: {
      Namespace: namespace,
      MetricName: name,
      Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
    },
    Period: period,
    Stat: statistic,
  },
});

export const expression = (id: string, text: string, label: string) => ({
  Id: id,
  Expression: text,
  Label: label,
  ReturnData: true,
});

/** A single metric that is itself the alarm's value. */
export const returning = <T extends { ReturnData: boolean }>(m: T): T => ({ ...m, ReturnData: true });
