import { PlaceholderPage } from '../PlaceholderPage';

export default function ProducersPage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="producers" />;
}
