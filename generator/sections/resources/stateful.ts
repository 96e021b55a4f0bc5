/**
 * Types that hold data which no section of gen writes, only the escape hatch (`resources:`):
 * declared here so the deploy guard, destroy and placement protect them like the sections' own
 * (Section.statefulTypes). A section that comes to write one of them declares it itself; the
 * registry's set is the union, so a type listed twice is harmless.
 */
export const ESCAPE_HATCH_STATEFUL_TYPES: readonly string[] = [
  // Databases and file systems: their data is the point.
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::GlobalTable',
  'AWS::EFS::FileSystem',
  // A self-made cache: its nodes hold the cached data (gen's cache section writes a replication group).
  'AWS::ElastiCache::CacheCluster',
  // Records not yet read by their consumers.
  'AWS::Kinesis::Stream',
  // Indexed documents.
  'AWS::OpenSearchService::Domain',
];
