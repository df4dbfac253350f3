import { PlaceholderPage } from '../views/PlaceholderPage';

export default function Page() {
  return <PlaceholderPage page="not-found" />;
}
