/**
 * A Monaco editor for one text value. Loaded lazily (≈1 MB): import it with React.lazy.
 * `language` must already be registered (see sql-language.ts) or be a built-in id.
 */
import { useEffect, useRef } from 'react';
import { editorTheme, monaco } from './monaco-env';

export interface EditorMarker {
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface CodeEditorProps {
  value: string;
  language: string;
  onChange?(value: string): void;
  markers?: readonly EditorMarker[];
  height?: number;
  ariaLabel: string;
  readOnly?: boolean;
}

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

export default function CodeEditor({ value, language, onChange, markers, height = 320, ariaLabel, readOnly }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const applyingProp = useRef(false);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      value,
      language,
      theme: editorTheme(),
      renderFinalNewline: 'on',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel,
      readOnly,
      tabSize: 2,
    });
    editorRef.current = editor;
    // Only the user's edits are reported: a value set from the props is the caller's own text already.
    const sub = editor.onDidChangeModelContent(() => {
      if (!applyingProp.current) onChangeRef.current?.(editor.getValue());
    });
    const observer = new MutationObserver(() => {
      monaco.editor.setTheme(editorTheme());
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      observer.disconnect();
      sub.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
    };
    // The editor is created once; later value changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || editor.getValue() === value) return;
    applyingProp.current = true;
    try {
      editor.setValue(value);
    } finally {
      applyingProp.current = false;
    }
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'engine',
      (markers ?? []).map((m) => ({
        message: m.message,
        severity: SEVERITY[m.severity],
        startLineNumber: m.startLine,
        startColumn: m.startColumn,
        endLineNumber: m.endLine,
        endColumn: Math.max(m.endColumn, m.startColumn + 1),
      })),
    );
  }, [markers]);

  return <div ref={host} className="code-editor" style={{ height }} data-testid="code-editor" />;
}
