import { PlaceholderPage } from '../PlaceholderPage';

export default function Page() {
  return <PlaceholderPage page="not-found" />;
}
