import { PlaceholderPage } from '../PlaceholderPage';

export default function PlannerPage(_props: { params: readonly string[] }) {
  return <PlaceholderPage page="planner" />;
}
