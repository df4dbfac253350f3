/** Constructors for the AWS errors Data Streams raises, so call sites read as the rule they enforce. */
import { AwsServiceError } from '../api/result';

export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message);
}
export function invalidArgument(message: string): AwsServiceError {
  return new AwsServiceError('InvalidArgumentException', message);
}
export function resourceNotFound(message: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', message);
}
export function resourceInUse(message: string): AwsServiceError {
  return new AwsServiceError('ResourceInUseException', message);
}
export function limitExceeded(message: string): AwsServiceError {
  return new AwsServiceError('LimitExceededException', message, 400, true);
}
export function throughputExceeded(message: string): AwsServiceError {
  return new AwsServiceError('ProvisionedThroughputExceededException', message, 400, true);
}
export function expiredIterator(message: string): AwsServiceError {
  return new AwsServiceError('ExpiredIteratorException', message);
}
export function expiredNextToken(message: string): AwsServiceError {
  return new AwsServiceError('ExpiredNextTokenException', message);
}
