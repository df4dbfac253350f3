/** The shared CodeEditor for agent.json (plain JSON text); lazily loaded with Monaco. */
import CodeEditor, { type CodeEditorProps } from '../../components/editor/CodeEditor';

export default function AgentJsonEditor(props: Omit<CodeEditorProps, 'language'>) {
  return <CodeEditor {...props} language="json" />;
}
