/**
 * ChannelService: the channels of one account (CreateChannel … DeleteChannel), a simulation part that runs
 * them on the virtual clock. Each channel goes CREATING → ACTIVE (then reads from the tip: no backfill),
 * ACTIVE ⇄ UPDATING, DELETING → gone, or FAILED (terminal) when its destination cannot take data. Once per
 * virtual second every active channel reads its stream and delivers when its oldest buffered record is
 * DataFreshnessInSeconds old (or its buffer is full). Objects go to the object store shared with Firehose and
 * the S3 REST handler (the "firehose" part's store), or to the channels' own store when there is none.
 * Rules from the API reference (CreateChannel, UpdateChannel, DeleteChannel, ListChannels) and
 * docs.aws.amazon.com/streams/latest/dev/data-delivery-quotas.html.
 */
import { ObjectStore } from '../objectstore/object-store';
import type { Simulation, SimulationPart } from '../simulation';
import { invalidArgument, limitExceeded, resourceInUse, resourceNotFound } from '../streams/errors';
import { CHANNELS_PER_STREAM_MAX } from '../streams/limits';
import type { KinesisService } from '../streams/service';
import type { Stream } from '../streams/stream';
import type { ChannelConfig, ChannelLogging } from './channel';
import { Channel } from './channel';
import { pollStream, startAtTip } from './channel-reader';
import { deliverToIceberg } from './iceberg-delivery';
import { deliverToS3 } from './s3-delivery';

export const CHANNELS_PART_ID = 'kinesis-channels';

/** What CreateChannel hands the service once the request is well-formed. */
export interface NewChannel {
  readonly name: string;
  readonly config: Omit<ChannelConfig, 'name' | 'id' | 'arn' | 'createdAtMs' | 'streamCreatedAtMs'>;
  readonly freshnessS: number;
  readonly logging?: Partial<ChannelLogging>;
  readonly tags?: Record<string, string>;
}

export class ChannelService implements SimulationPart {
  readonly id = CHANNELS_PART_ID;
  private readonly channels = new Map<string, Channel>();
  private ownStore: ObjectStore | undefined;
  private lastTickSecond = -1;
  private readonly ids;

  constructor(
    readonly sim: Simulation,
    readonly kinesis: KinesisService,
  ) {
    this.ids = sim.prng.fork('kinesis-channels');
    kinesis.channelCountOf = (stream) => this.forStream(stream).length;
    sim.attach(this);
  }

  /** The channels' part of a simulation, created on first use. */
  static of(sim: Simulation, kinesis: KinesisService): ChannelService {
    return sim.part<ChannelService>(CHANNELS_PART_ID) ?? new ChannelService(sim, kinesis);
  }

  /** The object store deliveries go to (Firehose's, which the S3 REST handler serves, when there is one). */
  get store(): ObjectStore {
    const shared = this.sim.part<SimulationPart & { store?: ObjectStore }>('firehose')?.store;
    return shared ?? (this.ownStore ??= new ObjectStore({ nowMs: () => this.sim.nowMs }));
  }

  all(): Channel[] {
    return [...this.channels.values()].sort((a, b) => a.config.createdAtMs - b.config.createdAtMs || (a.config.name < b.config.name ? -1 : 1));
  }

  forStream(stream: Stream): Channel[] {
    return this.all().filter((c) => c.stream === stream);
  }

  find(arn: string): Channel {
    const channel = this.channels.get(arn);
    if (!channel) throw resourceNotFound(`Channel ${arn} under account ${this.kinesis.accountId} not found.`);
    return channel;
  }

  create(req: NewChannel): Channel {
    this.kinesis.checkRate('CreateChannel');
    if (this.all().some((c) => c.config.name === req.name)) throw resourceInUse(`Channel ${req.name} under account ${this.kinesis.accountId} already exists.`);
    const stream = this.kinesis.resolve({ StreamARN: req.config.streamArn });
    if (stream.mode !== 'ON_DEMAND') throw invalidArgument(`Stream ${stream.name} under account ${this.kinesis.accountId} is PROVISIONED; channels read only ON_DEMAND streams.`);
    this.kinesis.requireActive(stream, 'CreateChannel');
    const existing = this.forStream(stream);
    const kind = req.config.destination.kind;
    // One S3 and one S3 Tables delivery per stream (data-delivery-quotas), not adjustable.
    if (existing.length >= CHANNELS_PER_STREAM_MAX || existing.some((c) => c.destinationType === kind)) {
      throw limitExceeded(`Stream ${stream.name} already has a ${kind} channel. Limit: 1 ${kind} channel and 1 ${kind === 'S3' ? 'S3_TABLES' : 'S3'} channel per stream.`);
    }
    const id = this.newId();
    const arn = `arn:aws:kinesis:${this.kinesis.region}:${this.kinesis.accountId}:channel/${id}`;
    const config: ChannelConfig = { ...req.config, name: req.name, id, arn, createdAtMs: this.sim.nowMs, streamCreatedAtMs: stream.createdAtMs };
    const logging: ChannelLogging = {
      enabled: req.logging?.enabled ?? false,
      logGroupName: req.logging?.logGroupName ?? `/aws/kinesis/${req.name}/${id}`,
      logStreamName: req.logging?.logStreamName ?? 'DestinationDelivery',
    };
    const channel = new Channel(withDefaultDlq(config), stream, req.freshnessS, logging);
    for (const [k, v] of Object.entries(req.tags ?? {})) channel.tags.set(k, v);
    this.channels.set(arn, channel);
    this.kinesis.after(this.kinesis.delays.createMs, () => {
      if (channel.status !== 'CREATING') return;
      channel.status = 'ACTIVE';
      startAtTip(channel, this.sim.nowMs);
    });
    return channel;
  }

  update(channel: Channel, freshnessS: number | undefined, logging: Partial<ChannelLogging> | undefined): void {
    this.kinesis.checkRate('UpdateChannel');
    if (channel.status !== 'ACTIVE') throw resourceInUse(`Channel ${channel.config.name} under account ${this.kinesis.accountId} not ACTIVE, instead in state ${channel.status}`);
    channel.status = 'UPDATING';
    if (freshnessS !== undefined) channel.freshnessS = freshnessS;
    if (logging) Object.assign(channel.logging, Object.fromEntries(Object.entries(logging).filter(([, v]) => v !== undefined)));
    this.kinesis.after(this.kinesis.delays.updateMs, () => {
      if (channel.status === 'UPDATING') channel.status = 'ACTIVE';
    });
  }

  delete(channel: Channel): void {
    this.kinesis.checkRate('DeleteChannel');
    if (channel.status === 'DELETING') return;
    // What the channel already read is delivered; objects already delivered stay.
    if (channel.status === 'ACTIVE' || channel.status === 'UPDATING') this.deliver(channel);
    channel.status = 'DELETING';
    this.kinesis.after(this.kinesis.delays.deleteMs, () => this.channels.delete(channel.config.arn));
  }

  afterAdvance(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (second === this.lastTickSecond) return;
    this.lastTickSecond = second;
    for (const channel of this.channels.values()) {
      if (channel.status !== 'ACTIVE' && channel.status !== 'UPDATING') continue;
      const full = pollStream(channel, nowMs);
      if (channel.buffer.length > 0 && (full || nowMs - channel.oldestBufferedMs >= channel.freshnessS * 1000)) this.deliver(channel);
    }
  }

  /** Delivers the buffer now (also what a test calls to flush). */
  deliver(channel: Channel): void {
    const records = channel.drain();
    if (records.length === 0) return;
    const now = this.sim.nowMs;
    const dest = channel.config.destination;
    if (dest.kind === 'S3') {
      if (dest.expectedBucketOwner !== this.kinesis.accountId) return this.fail(channel, `The bucket ${dest.bucketArn} is not owned by the expected bucket owner ${dest.expectedBucketOwner}.`, records.length);
      deliverToS3(channel, dest, records, this.store, now);
      return;
    }
    const problem = deliverToIceberg(channel, dest, records, this.store, now);
    if (problem) this.fail(channel, problem, records.length);
  }

  private fail(channel: Channel, reason: string, lostRecords: number): void {
    channel.status = 'FAILED';
    channel.statusReason = reason;
    channel.counters.failedRecords += lostRecords;
  }

  private newId(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const w = [this.ids.nextUint32(), this.ids.nextUint32(), this.ids.nextUint32(), this.ids.nextUint32()].map(hex).join('');
    return `${w.slice(0, 8)}-${w.slice(8, 12)}-4${w.slice(13, 16)}-${'89ab'[parseInt(w[16], 16) & 3]}${w.slice(17, 20)}-${w.slice(20, 32)}`;
  }
}

/** An S3 delivery without a dead-letter queue uses its destination bucket with an error prefix (API_CreateChannel). */
function withDefaultDlq(config: ChannelConfig): ChannelConfig {
  const d = config.destination;
  const prefix = `kinesis-channel/errors/${config.name}/${config.id}/`;
  if (d.dlq.bucketArn !== '' && d.dlq.errorOutputPrefix !== '') return config;
  const dlq = {
    bucketArn: d.dlq.bucketArn || (d.kind === 'S3' ? d.bucketArn : d.dlq.bucketArn),
    expectedBucketOwner: d.dlq.expectedBucketOwner || (d.kind === 'S3' ? d.expectedBucketOwner : d.dlq.expectedBucketOwner),
    errorOutputPrefix: d.dlq.errorOutputPrefix || prefix,
  };
  return { ...config, destination: { ...d, dlq } };
}
