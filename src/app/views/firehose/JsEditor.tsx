/** The shared CodeEditor with JavaScript highlighting; lazily loaded with Monaco. */
import './javascript-language';
import CodeEditor, { type CodeEditorProps } from '../../components/editor/CodeEditor';

export default function JsEditor(props: Omit<CodeEditorProps, 'language'>) {
  return <CodeEditor {...props} language="javascript" />;
}
