/** Infrastructure export of streams, EFO consumers and delivery streams: CloudFormation, Terraform, AWS CLI. */
export { toCloudFormation, type CloudFormationTemplate } from './cloudformation';
export { toTerraform, hclString, terraformName } from './terraform';
export { toAwsCli, shellQuote } from './aws-cli';
export { infraFromPlan, validateInfra, logicalId } from './infra-model';
export type { InfraModel, InfraStream, InfraDeliveryStream, InfraDestination, StreamMode, CompressionFormat } from './infra-model';
