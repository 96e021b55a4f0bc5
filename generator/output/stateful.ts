/**
 * Resource types that hold data: the deploy guard never removes or replaces them without a flag
 * naming them, and placement never moves them from the stack they were first put in.
 */
export const STATEFUL_TYPES = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::SecretsManager::Secret',
  'AWS::Logs::LogGroup',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EFS::FileSystem',
  // In-flight messages; a topic's confirmed subscriptions (an e-mail subscriber would have to confirm again).
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  // Recovery points: deleting the vault (it must be empty first) or its key loses every backup.
  'AWS::Backup::BackupVault',
  'AWS::Timestream::Database',
  'AWS::Timestream::Table',
  // Its images: function versions that run an image stop working when it is gone.
  'AWS::ECR::Repository',
]);
