/** Streams: the list with create/delete at `#/streams`, one stream's console at `#/streams/<name>`. */
import { StreamList } from './StreamList';
import { StreamDetailView } from './StreamDetailView';

export default function StreamsPage({ params }: { params: readonly string[] }) {
  return params[0] ? <StreamDetailView key={params.join('/')} name={params[0]} focus={params[1] === 'data' && params[2] ? { shardId: params[2], sequenceNumber: params[3] ?? '' } : undefined} /> : <StreamList />;
}
