/**
 * Resource-based policies of streams and consumers (API_PutResourcePolicy, API_GetResourcePolicy,
 * API_DeleteResourcePolicy): one JSON policy document per resource ARN. The simulator does not evaluate
 * policies (every caller is the owning account's root), it keeps them faithfully; a policy must be a JSON
 * object with a Statement, as IAM requires, or the call answers InvalidArgumentException.
 * The owner checks that the ARN names an existing stream or consumer; a deleted resource takes its policy along.
 */
import { invalidArgument } from './errors';

export class ResourcePolicies {
  private readonly byArn = new Map<string, string>();

  put(arn: string, policy: string): void {
    let doc: unknown;
    try {
      doc = JSON.parse(policy);
    } catch {
      throw invalidArgument(`The policy for ${arn} is not valid JSON.`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !('Statement' in doc)) {
      throw invalidArgument(`The policy for ${arn} must be a JSON policy document with a Statement.`);
    }
    this.byArn.set(arn, policy);
  }

  /** The policy, or "{}" when none is attached (what GetResourcePolicy returns for a resource without one). */
  get(arn: string): string {
    return this.byArn.get(arn) ?? '{}';
  }

  delete(arn: string): void {
    this.byArn.delete(arn);
  }

  /** Drops the policies of a stream and of its consumers (the stream is gone). */
  dropUnder(streamArn: string): void {
    for (const arn of [...this.byArn.keys()]) if (arn === streamArn || arn.startsWith(`${streamArn}/`)) this.byArn.delete(arn);
  }
}
