/**
 * Firehose's control-plane quota: Create/Delete/Describe/List/UpdateDestination/Tag/Untag/ListTags/
 * Start-/StopDeliveryStreamEncryption are limited to 5 calls per second each (hard quota; spec §1,
 * https://docs.aws.amazon.com/firehose/latest/dev/limits.html). Windows are whole virtual seconds.
 */
import { AwsServiceError } from '../api/result';
import { CONTROL_PLANE_TPS } from './limits';

export class ControlPlaneRates {
  private readonly windows = new Map<string, { second: number; count: number }>();

  /**
   * Counts one call of `operation` at `nowMs`. Beyond the quota Firehose answers with the common
   * ThrottlingException ("Rate exceeded"), which the SDKs retry; LimitExceededException is for the
   * delivery-stream count.
   */
  check(operation: string, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const w = this.windows.get(operation);
    if (!w || w.second !== second) {
      this.windows.set(operation, { second, count: 1 });
      return;
    }
    if (w.count >= CONTROL_PLANE_TPS) {
      throw new AwsServiceError('ThrottlingException', `Rate exceeded for ${operation}: at most ${CONTROL_PLANE_TPS} calls per second; back off and retry.`);
    }
    w.count++;
  }
}
