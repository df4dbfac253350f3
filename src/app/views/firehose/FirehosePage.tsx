import { PlaceholderPage } from '../PlaceholderPage';

export default function FirehosePage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="firehose" />;
}
