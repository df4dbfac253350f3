import { PlaceholderPage } from '../PlaceholderPage';

export default function ConsumersPage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="consumers" />;
}
