/** Streams: the list with create/delete at `#/streams`, one stream's console at `#/streams/<name>`. */
import { StreamList } from './StreamList';
import { StreamDetailView } from './StreamDetailView';

export default function StreamsPage({ params }: { params: readonly string[] }) {
  return params[0] ? <StreamDetailView key={params[0]} name={params[0]} /> : <StreamList />;
}
