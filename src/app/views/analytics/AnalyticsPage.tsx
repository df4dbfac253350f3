import { PlaceholderPage } from '../PlaceholderPage';

export default function AnalyticsPage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="analytics" />;
}
