import { PlaceholderPage } from '../PlaceholderPage';

export default function StreamsPage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="streams" />;
}
