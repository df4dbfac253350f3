/**
 * The Monaco SQL editor of the Analytics page (lazily loaded with Monaco): registers the
 * `kinesis-sql` language, feeds completion with the application's streams, shows engine markers.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import CodeEditor, { type EditorMarker } from '../../components/editor/CodeEditor';
import { registerSqlLanguage, setSqlCompletionStreams, SQL_LANGUAGE_ID } from '../../components/editor/sql-language';
import type { StreamInfo } from '../../../engine/analytics/in-app-stream';

registerSqlLanguage();

export interface SqlEditorProps {
  value: string;
  onChange(value: string): void;
  markers: readonly EditorMarker[];
  streams: readonly StreamInfo[];
  height?: number;
}

export default function SqlEditor({ value, onChange, markers, streams, height = 360 }: SqlEditorProps) {
  const { t } = useTranslation('analytics');
  useEffect(() => {
    setSqlCompletionStreams(streams);
  }, [streams]);
  return <CodeEditor value={value} language={SQL_LANGUAGE_ID} onChange={onChange} markers={markers} height={height} ariaLabel={t('editor.codeLabel')} />;
}
