/**
 * Kinesis Video Streams error names (all end in "Exception") with their HTTP statuses, and the
 * PutMedia acknowledgement ErrorIds. Source: the API reference pages of each operation and
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_PutMedia.html.
 */
import { AwsServiceError } from '../api/result';

export type VideoErrorName =
  | 'ResourceNotFoundException' | 'ResourceInUseException' | 'VersionMismatchException' | 'InvalidArgumentException'
  | 'ClientLimitExceededException' | 'ConnectionLimitExceededException' | 'AccountStreamLimitExceededException'
  | 'TagsPerResourceExceededLimitException' | 'InvalidResourceFormatException' | 'NotAuthorizedException'
  | 'NoDataRetentionException' | 'MissingCodecPrivateDataException' | 'InvalidCodecPrivateDataException'
  | 'UnsupportedStreamMediaTypeException' | 'InvalidMediaFrameException' | 'InvalidEndpointException';

const STATUS: Record<VideoErrorName, number> = {
  ResourceNotFoundException: 404,
  NotAuthorizedException: 401,
  ResourceInUseException: 400,
  VersionMismatchException: 400,
  InvalidArgumentException: 400,
  ClientLimitExceededException: 400,
  ConnectionLimitExceededException: 400,
  AccountStreamLimitExceededException: 400,
  TagsPerResourceExceededLimitException: 400,
  InvalidResourceFormatException: 400,
  NoDataRetentionException: 400,
  MissingCodecPrivateDataException: 400,
  InvalidCodecPrivateDataException: 400,
  UnsupportedStreamMediaTypeException: 400,
  InvalidMediaFrameException: 400,
  InvalidEndpointException: 400,
};

export class VideoError extends AwsServiceError {
  constructor(name: VideoErrorName, message: string) {
    super(name, message, STATUS[name], name === 'ClientLimitExceededException' || name === 'ConnectionLimitExceededException');
  }
}

/** PutMedia ERROR acknowledgement ids. */
export const ACK_ERROR = {
  streamReadError: 4000,
  fragmentSizeReached: 4001,
  fragmentDurationReached: 4002,
  connectionDurationReached: 4003,
  fragmentTimecodeNotMonotonic: 4004,
  multiTrackMkv: 4005,
  invalidMkvData: 4006,
  invalidProducerTimestamp: 4007,
  streamNotActive: 4008,
  fragmentMetadataLimitReached: 4009,
  trackNumberMismatch: 4010,
  framesMissingForTrack: 4011,
  moreThanAllowedTracksFound: 4012,
  internalError: 5000,
} as const;
