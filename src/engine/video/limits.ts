/**
 * Every Kinesis Video Streams quota and bound the sandbox enforces, in one place.
 * Sources (see shared/spec/video-streams.md for the table these come from):
 * - Quotas: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/limits.html
 * - PutMedia: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_PutMedia.html
 * - CreateStream / UpdateDataRetention: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_CreateStream.html
 * - Archived media: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetClip.html,
 *   …API_reader_GetHLSStreamingSessionURL.html, …API_reader_ListFragments.html, …API_reader_GetImages.html
 */

export const VIDEO_LIMITS = {
  // ---- control plane (CreateStream, UpdateDataRetention, tags) ----
  streamNameLengthMax: 256,
  streamNamePattern: /^[a-zA-Z0-9_.-]+$/,
  deviceNameLengthMax: 128,
  mediaTypeLengthMax: 128,
  mediaTypePattern: /^[\w\-.+]+\/[\w\-.+]+(,[\w\-.+]+\/[\w\-.+]+)*$/,
  kmsKeyIdLengthMax: 2048,
  streamsPerAccount: 10_000,
  /** DataRetentionInHours: 0 = not persisted, else 1 … 87,600 (10 years). */
  retentionHoursMax: 87_600,
  tagsPerStream: 50,
  tagKeyLengthMax: 128,
  tagValueLengthMax: 256,
  listStreamsMaxResults: 10_000,
  /** Control-plane calls per stream per second (DescribeStream, GetDataEndpoint, tags, UpdateDataRetention). */
  controlCallsPerStreamPerSec: 5,
  /** With retention 0, readers still see the host buffer: 5 minutes or 200 MB, whichever is hit first. */
  unpersistedBufferMs: 5 * 60_000,
  unpersistedBufferBytes: 200 * 1_000_000,

  // ---- PutMedia ----
  putMediaCallsPerStreamPerSec: 5,
  putMediaConnectionsPerStream: 1,
  fragmentsPerStreamPerSec: 5,
  /** 12.5 MB/s (100 Mbps) per PutMedia session. */
  putMediaBytesPerSec: 12_500_000,
  /** A fragment over 50 MB ends with ErrorId 4001. */
  fragmentBytesMax: 50 * 1_000_000,
  /** A fragment longer than 10 s ends with ErrorId 4002 (2020 text; the current page gives no number). */
  fragmentDurationMsMax: 10_000,
  tracksMax: 3,
  /** After the last data, IDLE acks continue up to 30 s, then the service closes the request. */
  putMediaIdleCloseMs: 30_000,

  // ---- GetMedia / GetMediaForFragmentList ----
  getMediaCallsPerStreamPerSec: 5,
  getMediaConnectionsPerStream: 3,
  getMediaBytesPerSec: 25_000_000,
  fragmentListMax: 1000,

  // ---- archived media ----
  listFragmentsCallsPerStreamPerSec: 5,
  listFragmentsMaxResults: 1000,
  getClipCallsPerStreamPerSec: 1,
  clipBytesMax: 100 * 1_000_000,
  clipFragmentsMax: 200,
  archivedRangeMsMax: 24 * 3_600_000,
  sessionUrlCallsPerStreamPerSec: 5,
  sessionsPerStream: 10,
  sessionExpiresSecMin: 300,
  sessionExpiresSecMax: 43_200,
  sessionExpiresSecDefault: 300,
  playlistFragmentsMax: 5000,
  playlistFragmentsDefaultLive: 5,
  playlistFragmentsDefaultOnDemand: 1000,
  /** LIVE sessions need a fragment within the last 30 s. */
  liveWindowMs: 30_000,
  /** ON_DISCONTINUITY: a gap or overlap over 50 ms between fragments. */
  discontinuityToleranceMs: 50,
  getImagesRangeMsMax: 300_000,
  getImagesSamplingMsMin: 200,
  getImagesMaxResultsMax: 100,
  getImagesMaxResultsDefault: 25,
  imageWidthMax: 3840,
  imageHeightMax: 2160,
} as const;

/** The API names GetDataEndpoint accepts. */
export const DATA_ENDPOINT_API_NAMES = [
  'PUT_MEDIA', 'GET_MEDIA', 'LIST_FRAGMENTS', 'GET_MEDIA_FOR_FRAGMENT_LIST', 'GET_HLS_STREAMING_SESSION_URL',
  'GET_DASH_STREAMING_SESSION_URL', 'GET_CLIP', 'GET_IMAGES',
] as const;
