/**
 * A simulated camera on the virtual clock: captures the H.264 test pattern at its frame rate and
 * streams each frame into one long-lived PutMedia session (absolute timecodes, one fragment per
 * key-frame interval), reconnecting after the service ends the session. It keeps the
 * acknowledgement counts a producer SDK would report.
 */
import type { Simulation } from '../simulation';
import type { Cancellable } from '../time/scheduler';
import { AwsServiceError } from '../api/result';
import type { PutMediaAck, PutMediaSession } from './put-media-session';
import { TestPatternSource, type TestPatternOptions } from './test-pattern-source';
import type { VideoService } from './video-service';

export interface VideoProducerStats {
  readonly framesCaptured: number;
  readonly bytesSent: number;
  readonly acks: Readonly<Record<PutMediaAck['EventType'], number>>;
  readonly errorIds: Readonly<Record<string, number>>;
  readonly lastError?: string;
  readonly connected: boolean;
}

export class SyntheticVideoProducer {
  private source: TestPatternSource;
  private session: PutMediaSession | undefined;
  private timer: Cancellable | undefined;
  private framesCaptured = 0;
  private bytesSent = 0;
  private readonly acks: Record<PutMediaAck['EventType'], number> = { BUFFERING: 0, RECEIVED: 0, PERSISTED: 0, ERROR: 0, IDLE: 0 };
  private readonly errorIds: Record<string, number> = {};
  private lastError: string | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly service: VideoService,
    readonly streamName: string,
    readonly options: TestPatternOptions,
  ) {
    this.source = new TestPatternSource(options);
  }

  start(atMs = this.sim.nowMs): void {
    this.stop();
    const period = 1000 / this.options.framesPerSecond;
    this.timer = this.sim.scheduler.every(period, (now) => this.capture(now), atMs);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.session?.end();
    this.session = undefined;
  }

  private connect(): PutMediaSession | undefined {
    try {
      const session = this.service.openPutMedia({ StreamName: this.streamName }, 'ABSOLUTE', this.sim.nowMs);
      // A new connection starts a new MKV stream: header first, and the next frame must be a key frame.
      this.source = new TestPatternSource(this.options);
      this.send(session, this.source.headerBytes());
      return session;
    } catch (e) {
      if (!(e instanceof AwsServiceError)) throw e;
      this.lastError = `${e.name}: ${e.message}`;
      return undefined;
    }
  }

  private capture(nowMs: number): void {
    if (!this.session || this.session.isClosed) this.session = this.connect();
    if (!this.session) return;
    this.framesCaptured++;
    this.send(this.session, this.source.captureLive(nowMs));
  }

  private send(session: PutMediaSession, bytes: Uint8Array): void {
    this.bytesSent += bytes.length;
    for (const ack of session.write(bytes)) {
      this.acks[ack.EventType]++;
      if (ack.EventType === 'ERROR') {
        this.errorIds[String(ack.ErrorId)] = (this.errorIds[String(ack.ErrorId)] ?? 0) + 1;
        this.lastError = `ErrorId ${ack.ErrorId}`;
      }
    }
  }

  stats(): VideoProducerStats {
    return {
      framesCaptured: this.framesCaptured, bytesSent: this.bytesSent, acks: { ...this.acks }, errorIds: { ...this.errorIds },
      lastError: this.lastError, connected: !!this.session && !this.session.isClosed,
    };
  }
}
