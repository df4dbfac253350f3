export default function LessonPanel({ id }: { id: string }) {
  return <p>{id}</p>;
}
